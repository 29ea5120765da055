import { FULFIL_MODES, POLICY_ITEM_TYPES, POLICY_LEVELS, POLICY_THEMES, type Policy } from '@kechuang/domain';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AmountFields, ConditionRows } from './item-fields';
import { DATE_FIELDS, type PolicyFormValues, toBody, toFormValues } from './policy-form-values';
import {
  fulfilModeLabel,
  itemTypeLabel,
  levelLabel,
  POLICIES_KEY,
  POLICIES_URL,
  themeLabel,
} from './use-policies';

export function usePolicyForm(onSaved: (policy: Policy) => void) {
  return useRecordForm<Policy, PolicyFormValues, Policy>({
    url: POLICIES_URL,
    invalidateKey: [...POLICIES_KEY],
    toBody,
    toFormValues,
    onSaved,
  });
}

export function PolicyFormModal({ recordForm }: { recordForm: ReturnType<typeof usePolicyForm> }) {
  const { t } = useTranslation();
  const required = [{ required: true }];
  return (
    <FormModal
      recordForm={recordForm}
      title={recordForm.isNew ? t('policies.add') : t('policies.edit')}
      width={1000}
      okTestId="policy-save"
      formTestId="policy-form"
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="title" label={t('policies.title')} rules={required}>
            <Input data-testid="policy-title" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="level" label={t('policies.level')} rules={required}>
            <Select options={POLICY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="theme" label={t('policies.theme')} rules={required}>
            <Select options={POLICY_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="documentNo" label={t('policies.documentNo')} rules={required}>
            <Input placeholder="任政发〔2020〕7号" data-testid="policy-document-no" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="indexNo" label={t('policies.indexNo')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="issuer" label={t('policies.issuer')} rules={required}>
            <Input data-testid="policy-issuer" />
          </Form.Item>
        </Col>
        {DATE_FIELDS.map((key) => (
          <Col span={4} key={key}>
            <Form.Item name={key} label={t(`policies.${key}`)} rules={key === 'effectiveTo' ? [] : required}>
              <DatePicker style={{ width: '100%' }} data-testid={`policy-${key}`} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="fullText" label={t('policies.fullText')} rules={required}>
            <Input.TextArea rows={4} data-testid="policy-full-text" />
          </Form.Item>
          <Form.Item name="interpretation" label={t('policies.interpretation')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="items">
        {(items, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {items.map((item) => (
              <Card
                key={item.key}
                size="small"
                title={`${t('policies.items')} ${item.name + 1}`}
                extra={
                  <Button type="link" danger onClick={() => remove(item.name)}>
                    {t('policies.remove')}
                  </Button>
                }
                data-testid={`policy-item-form-${item.name}`}
              >
                <Row gutter={8}>
                  <Col span={10}>
                    <Form.Item name={[item.name, 'title']} label={t('policies.itemTitle')} rules={required}>
                      <Input data-testid={`item-title-${item.name}`} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[item.name, 'type']}
                      label={t('policies.itemType')}
                      rules={required}
                      initialValue="award"
                    >
                      <Select
                        options={POLICY_ITEM_TYPES.map((type) => ({
                          value: type,
                          label: itemTypeLabel(type),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item
                      name={[item.name, 'fulfilMode']}
                      label={t('policies.fulfilMode')}
                      rules={required}
                      initialValue="fast-application"
                    >
                      <Select
                        options={FULFIL_MODES.map((mode) => ({ value: mode, label: fulfilModeLabel(mode) }))}
                        data-testid={`item-fulfil-mode-${item.name}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[item.name, 'fulfilDays']} label={t('policies.fulfilDays')}>
                      <InputNumber min={1} max={365} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item
                      name={[item.name, 'beneficiaries']}
                      label={t('policies.beneficiaries')}
                      rules={required}
                    >
                      <Input data-testid={`item-beneficiaries-${item.name}`} />
                    </Form.Item>
                  </Col>
                </Row>
                <ConditionRows itemName={item.name} />
                <AmountFields itemName={item.name} />
                <Row gutter={8}>
                  <Col span={10}>
                    <Form.Item
                      name={[item.name, 'window']}
                      label={`${t('policies.windowFrom')} ~ ${t('policies.windowTo')}`}
                    >
                      <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item
                      name={[item.name, 'department']}
                      label={t('policies.department')}
                      rules={required}
                      initialValue="任城区科学技术局"
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item
                      name={[item.name, 'contact']}
                      label={t('policies.contact')}
                      rules={required}
                      initialValue="0537-2968036"
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" block onClick={() => add({ conditions: [] })} data-testid="policy-add-item">
              {t('policies.addItem')}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}
