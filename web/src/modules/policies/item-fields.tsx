import {
  type AmountRule,
  CONDITION_OPERATORS,
  EVIDENCE_SOURCES,
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  PROFILE_FIELD_BY_KEY,
  PROFILE_FIELDS,
  translate,
} from '@kechuang/domain';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import type { ConditionValues } from './policy-form-values';

const text = (value: { zh: string; en: string }) => translate(value, currentLanguage());
const fieldOptions = PROFILE_FIELDS.map((field) => ({
  value: field.key,
  label: `${text(field.label)}（${text(field.dataset)}）`,
}));

/** An item's conditions: field, operator, value (a yes/no choice for yes/no fields), evidence, required. */
export function ConditionRows({ itemName }: { itemName: number }) {
  const { t } = useTranslation();
  const conditions = Form.useWatch(['items', itemName, 'conditions']) as ConditionValues[] | undefined;
  return (
    <Form.List name={[itemName, 'conditions']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => {
            const fieldKey = conditions?.[field.name]?.field;
            const type = fieldKey ? PROFILE_FIELD_BY_KEY.get(fieldKey)?.type : undefined;
            const operators = type ? OPERATORS_BY_TYPE[type] : CONDITION_OPERATORS;
            return (
              <Row
                key={field.key}
                gutter={8}
                align="bottom"
                data-testid={`condition-${itemName}-${field.name}`}
              >
                <Col span={7}>
                  <Form.Item
                    name={[field.name, 'field']}
                    label={t('policies.field')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={fieldOptions}
                      data-testid={`condition-field-${itemName}-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'operator']}
                    label={t('policies.operator')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      options={operators.map((operator) => ({
                        value: operator,
                        label: text(OPERATOR_LABELS[operator]),
                      }))}
                      data-testid={`condition-operator-${itemName}-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'value']}
                    label={t('policies.value')}
                    tooltip={t('policies.valueHint')}
                  >
                    {type === 'boolean' ? (
                      <Select
                        options={[
                          { value: 'true', label: '是' },
                          { value: 'false', label: '否' },
                        ]}
                        data-testid={`condition-value-${itemName}-${field.name}`}
                      />
                    ) : (
                      <Input data-testid={`condition-value-${itemName}-${field.name}`} />
                    )}
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'evidence']}
                    label={t('policies.evidence')}
                    initialValue="data"
                  >
                    <Select
                      options={EVIDENCE_SOURCES.map((source) => ({
                        value: source,
                        label: {
                          data: t('policies.evidenceData'),
                          applicant: t('policies.evidenceApplicant'),
                          dept: t('policies.evidenceDept'),
                        }[source],
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked" initialValue>
                    <Checkbox>{t('policies.required')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('policies.remove')}
                    </Button>
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={[field.name, 'document']} label={t('policies.document')}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Button
            onClick={() => add({ required: true, evidence: 'data' })}
            data-testid={`condition-add-${itemName}`}
          >
            {t('policies.addCondition')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** An item's amount rule: none, a fixed amount, or a share of a money figure with cap and floor (万元). */
export function AmountFields({ itemName }: { itemName: number }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['items', itemName, 'amountKind']) as AmountRule['kind'] | undefined;
  const moneyFields = PROFILE_FIELDS.filter((field) => field.type === 'money').map((field) => ({
    value: field.key,
    label: text(field.label),
  }));
  return (
    <Row gutter={8}>
      <Col span={6}>
        <Form.Item name={[itemName, 'amountKind']} label={t('policies.amountKind')} initialValue="none">
          <Select
            data-testid={`amount-kind-${itemName}`}
            options={[
              { value: 'none', label: t('policies.amountNone') },
              { value: 'fixed', label: t('policies.amountFixed') },
              { value: 'percent', label: t('policies.amountPercent') },
            ]}
          />
        </Form.Item>
      </Col>
      {kind === 'fixed' && (
        <Col span={6}>
          <Form.Item
            name={[itemName, 'amountWan']}
            label={t('policies.amountWan')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid={`amount-wan-${itemName}`} />
          </Form.Item>
        </Col>
      )}
      {kind === 'percent' && (
        <>
          <Col span={6}>
            <Form.Item
              name={[itemName, 'baseField']}
              label={t('policies.baseField')}
              rules={[{ required: true }]}
            >
              <Select options={moneyFields} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name={[itemName, 'ratePercent']}
              label={t('policies.ratePercent')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={[itemName, 'capWan']} label={t('policies.capWan')}>
              <InputNumber min={0} style={{ width: '100%' }} placeholder={t('policies.noLimit')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={[itemName, 'floorWan']} label={t('policies.floorWan')}>
              <InputNumber min={0} style={{ width: '100%' }} placeholder={t('policies.noLimit')} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

/** 录入/编辑政策: the official header fields, the text, and each item with its conditions and amount rule. */
