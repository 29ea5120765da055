import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { creditCodeSchema, TECH_CONTRACT_FIELD_LABELS, type TechContractCategory } from '@kechuang/domain';
import {
  AutoComplete,
  Button,
  Cascader,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../app/form-rules';
import { textIn } from '../../app/i18n';
import { BUYER_REGIONS, COST_KIND_KEYS, categoryOptions, wan } from './contract-shared';
import { COST_KINDS, canLinkContract, liveTechAmount } from './contract-values';
import type { TechContractSummary } from './use-contracts';

function label(field: string): string {
  return textIn(TECH_CONTRACT_FIELD_LABELS[field]);
}

/** 技术交易额 as the lines are typed: computed by the domain rule, never above 成交额. */
function TechAmount({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const contractFen = Form.useWatch('contractFen', form);
  const nonTechnicalCosts = Form.useWatch('nonTechnicalCosts', form);
  const amounts = liveTechAmount({ contractFen, nonTechnicalCosts });
  const isOk = !('problem' in amounts);
  const hasFieldError = form.getFieldError('techFen').length > 0;
  // A refusal shown on the field goes once the lines add up again.
  useEffect(() => {
    if (isOk && hasFieldError) form.setFields([{ name: 'techFen', errors: [] }]);
  }, [isOk, hasFieldError, form]);
  if ('problem' in amounts) {
    if (amounts.problem === 'exceedsContract' && hasFieldError) return null;
    return (
      <Typography.Text type={amounts.problem === 'exceedsContract' ? 'danger' : 'secondary'}>
        {amounts.problem === 'exceedsContract'
          ? `${label('techFen')}：${t('techTransfer.techAboveContract')}`
          : t('techTransfer.enterContractAmount')}
      </Typography.Text>
    );
  }
  return (
    <Space size="large" data-testid="contract-tech-amount">
      <Statistic
        title={label('techFen')}
        value={wan(amounts.techFen)}
        suffix={t('techTransfer.wanYuan')}
        styles={{ content: { color: '#1677ff', fontSize: 20 } }}
      />
      <Statistic
        title={t('techTransfer.nonTechnicalTotal')}
        value={wan(amounts.nonTechnicalFen)}
        suffix={t('techTransfer.wanYuan')}
        styles={{ content: { fontSize: 20 } }}
      />
    </Space>
  );
}

function MoneyInput(props: { testId: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Input
      inputMode="decimal"
      suffix={t('techTransfer.wanYuan')}
      value={props.value}
      onChange={(event) => props.onChange?.(event.target.value)}
      data-testid={props.testId}
    />
  );
}

/**
 * The contract's fields, as the seller files them and the 登记员 changes them (变更登记). Names match
 * the API's field paths, so a refusal from the server lands on its field.
 */
export function ContractFormFields({
  form,
  linkable,
}: {
  /** The filing form, or the 变更登记 form (which adds its reason). */
  form: FormInstance;
  /** The seller's 开发/转让/许可 contracts a 咨询/服务 contract may belong to. */
  linkable: readonly TechContractSummary[];
}) {
  const { t } = useTranslation();
  const category = Form.useWatch('category', form)?.[1] as TechContractCategory | undefined;
  const isLinkable = canLinkContract(category);
  const required = { required: true, message: '' };
  const requiredRule = (field: string) => ({
    ...required,
    message: `${label(field)}：${t('techTransfer.required')}`,
  });

  return (
    <>
      <Divider titlePlacement="start">{t('techTransfer.sectionContract')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="title" label={label('title')} rules={[requiredRule('title'), { max: 200 }]}>
            <Input maxLength={200} data-testid="contract-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="category" label={label('category')} rules={[requiredRule('category')]}>
            <Cascader
              options={categoryOptions()}
              placeholder={t('techTransfer.categoryPlaceholder')}
              data-testid="contract-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signedOn" label={label('signedOn')} rules={[requiredRule('signedOn')]}>
            <DatePicker style={{ width: '100%' }} data-testid="contract-signed-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="termStartOn" label={label('termStartOn')} rules={[requiredRule('termStartOn')]}>
            <DatePicker style={{ width: '100%' }} data-testid="contract-term-start" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="termEndOn" label={label('termEndOn')} rules={[requiredRule('termEndOn')]}>
            <DatePicker style={{ width: '100%' }} data-testid="contract-term-end" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('techTransfer.sectionBuyer')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="buyerName" label={label('buyerName')} rules={[requiredRule('buyerName')]}>
            <Input maxLength={200} data-testid="contract-buyer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="buyerCreditCode"
            label={label('buyerCreditCode')}
            extra={t('techTransfer.buyerCreditCodeHint')}
            rules={[zodRule(creditCodeSchema, 'buyerCreditCode', undefined, TECH_CONTRACT_FIELD_LABELS)]}
            validateTrigger="onBlur"
          >
            <Input maxLength={18} data-testid="contract-buyer-credit-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="buyerRegionCode"
            label={label('buyerRegionCode')}
            rules={[
              requiredRule('buyerRegionCode'),
              {
                pattern: /^\d{4}(\d{2})?$/,
                message: `${label('buyerRegionCode')}：${t('techTransfer.regionFormat')}`,
              },
            ]}
          >
            <AutoComplete
              options={BUYER_REGIONS.map((region) => ({
                value: region.code,
                label: `${region.code} ${textIn(region)}`,
              }))}
              filterOption={(input, option) => String(option?.label ?? '').includes(input)}
              data-testid="contract-buyer-region"
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('techTransfer.sectionAmounts')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="contractFen"
            label={`${label('contractFen')}（${t('techTransfer.wanYuan')}）`}
            required
          >
            <MoneyInput testId="contract-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="carrierFen"
            label={`${label('carrierFen')}（${t('techTransfer.wanYuan')}）`}
            extra={t('techTransfer.carrierHint')}
          >
            <MoneyInput testId="contract-carrier" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{label('nonTechnicalCosts')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('techTransfer.nonTechnicalHint')}
      </Typography.Paragraph>
      <Form.List name="nonTechnicalCosts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top">
                <Col xs={24} md={5}>
                  <Form.Item name={[field.name, 'kind']} rules={[requiredRule('kind')]}>
                    <Select
                      placeholder={label('kind')}
                      options={COST_KINDS.map((kind) => ({ value: kind, label: t(COST_KIND_KEYS[kind]) }))}
                      data-testid={`cost-kind-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={11}>
                  <Form.Item name={[field.name, 'description']} rules={[requiredRule('description')]}>
                    <Input
                      placeholder={label('description')}
                      data-testid={`cost-description-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item name={[field.name, 'amountFen']}>
                    <MoneyInput testId={`cost-amount-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'equipment', description: '', amountFen: '' })}
              data-testid="cost-add"
              style={{ marginBottom: 16 }}
            >
              {t('techTransfer.addCost')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="techFen">
        <TechAmount form={form} />
      </Form.Item>

      <Divider titlePlacement="start">{label('payments')}</Divider>
      <Form.List name="payments">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top">
                <Col xs={24} md={6}>
                  <Form.Item name={[field.name, 'dueOn']} rules={[requiredRule('dueOn')]}>
                    <DatePicker
                      style={{ width: '100%' }}
                      placeholder={label('dueOn')}
                      data-testid={`payment-due-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[field.name, 'amountFen']}>
                    <MoneyInput testId={`payment-amount-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={10}>
                  <Form.Item name={[field.name, 'note']}>
                    <Input placeholder={t('techTransfer.paymentNote')} maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ amountFen: '', note: '' })}
              data-testid="payment-add"
              style={{ marginBottom: 16 }}
            >
              {t('techTransfer.addPayment')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('techTransfer.sectionExemption')}</Divider>
      <Row gutter={16}>
        {isLinkable && (
          <Col xs={24} md={12}>
            <Form.Item
              name="linkedContractId"
              label={label('linkedContractId')}
              extra={t('techTransfer.linkHint')}
            >
              <Select
                allowClear
                placeholder={t('techTransfer.linkPlaceholder')}
                notFoundContent={t('techTransfer.noLinkable')}
                options={linkable.map((item) => ({
                  value: item.id,
                  label: `${item.title}（${item.categoryLabel}）`,
                }))}
                data-testid="contract-linked"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={isLinkable ? 12 : 24}>
          {isLinkable && (
            <Form.Item name="sameInvoice" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid="contract-same-invoice">{label('sameInvoice')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="exemptionClaimed" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="contract-exemption-claimed">{t('techTransfer.claimExemption')}</Checkbox>
          </Form.Item>
          <Form.Item name="disputed" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="contract-disputed">{t('techTransfer.disputedLabel')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
