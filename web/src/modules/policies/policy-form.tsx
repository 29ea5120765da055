import {
  type AmountRule,
  CONDITION_OPERATORS,
  EVIDENCE_SOURCES,
  FULFIL_MODES,
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  POLICY_ITEM_TYPES,
  POLICY_LEVELS,
  POLICY_THEMES,
  type Policy,
  type PolicyCondition,
  PROFILE_FIELD_BY_KEY,
  PROFILE_FIELDS,
  translate,
} from '@kechuang/domain';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import {
  fulfilModeLabel,
  itemTypeLabel,
  levelLabel,
  POLICIES_KEY,
  POLICIES_URL,
  themeLabel,
} from './use-policies';

const WAN = 1_000_000;
const DATE_FIELDS = ['writtenOn', 'publishedOn', 'effectiveFrom', 'effectiveTo'] as const;

interface ConditionValues {
  field: string;
  operator: PolicyCondition['operator'];
  value?: string;
  required: boolean;
  evidence: PolicyCondition['evidence'];
  document?: string;
}
interface ItemValues {
  title: string;
  type: string;
  beneficiaries: string;
  conditions?: ConditionValues[];
  amountKind: AmountRule['kind'];
  amountWan?: number;
  baseField?: string;
  ratePercent?: number;
  capWan?: number | null;
  floorWan?: number | null;
  fulfilMode: string;
  fulfilDays?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  department: string;
  contact: string;
}
type FormValues = Record<(typeof DATE_FIELDS)[number], Dayjs | null> & {
  title: string;
  level: string;
  theme: string;
  indexNo?: string;
  documentNo: string;
  issuer: string;
  fullText: string;
  interpretation?: string;
  items?: ItemValues[];
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const toFen = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * WAN);

/** The typed value of a condition from what was typed: yes/no, a number, a list or a range. */
function parseValue(condition: ConditionValues): PolicyCondition['value'] {
  const text = (condition.value ?? '').trim();
  const type = PROFILE_FIELD_BY_KEY.get(condition.field)?.type;
  if (condition.operator === 'exists') return null;
  if (type === 'boolean') return text === 'true';
  const parts = text
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (condition.operator === 'in' || condition.operator === 'notIn') return parts;
  if (condition.operator === 'between') return parts.map(Number) as [number, number];
  if (type === 'text') return text;
  return text === '' ? null : Number(text);
}

const showValue = (value: unknown) =>
  Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);

function toBody(values: FormValues) {
  return {
    title: values.title,
    level: values.level,
    theme: values.theme,
    indexNo: values.indexNo?.trim() || null,
    documentNo: values.documentNo,
    issuer: values.issuer,
    writtenOn: day(values.writtenOn),
    publishedOn: day(values.publishedOn),
    effectiveFrom: day(values.effectiveFrom),
    effectiveTo: day(values.effectiveTo),
    fullText: values.fullText,
    interpretation: values.interpretation?.trim() || null,
    attachments: [],
    supersedesId: null,
    items: (values.items ?? []).map((item) => ({
      title: item.title,
      type: item.type,
      beneficiaries: item.beneficiaries,
      conditions: (item.conditions ?? []).map((condition) => ({
        field: condition.field,
        operator: condition.operator,
        value: parseValue(condition),
        required: condition.required,
        evidence: condition.evidence,
        document: condition.document?.trim() || null,
      })),
      amount:
        item.amountKind === 'fixed'
          ? { kind: 'fixed', amountFen: toFen(item.amountWan) }
          : item.amountKind === 'percent'
            ? {
                kind: 'percent',
                baseField: item.baseField,
                ratePercent: item.ratePercent,
                capFen: toFen(item.capWan),
                floorFen: toFen(item.floorWan),
              }
            : { kind: 'none' },
      fulfilMode: item.fulfilMode,
      fulfilDays: item.fulfilDays ?? null,
      windowFrom: day(item.window?.[0]),
      windowTo: day(item.window?.[1]),
      department: item.department,
      contact: item.contact,
    })),
  };
}

function toFormValues(record: Policy | 'new'): Partial<FormValues> | undefined {
  if (record === 'new') return { level: 'district', theme: 'cultivation', items: [] };
  const dates = Object.fromEntries(DATE_FIELDS.map((key) => [key, record[key] ? dayjs(record[key]) : null]));
  return {
    ...record,
    ...dates,
    indexNo: record.indexNo ?? undefined,
    interpretation: record.interpretation ?? undefined,
    items: record.items.map((item) => {
      const amount = item.amount as AmountRule;
      return {
        ...item,
        conditions: item.conditions.map((condition) => ({
          ...condition,
          value: showValue(condition.value),
          document: condition.document ?? undefined,
        })),
        amountKind: amount.kind,
        amountWan: amount.kind === 'fixed' ? amount.amountFen / WAN : undefined,
        baseField: amount.kind === 'percent' ? amount.baseField : undefined,
        ratePercent: amount.kind === 'percent' ? amount.ratePercent : undefined,
        capWan: amount.kind === 'percent' && amount.capFen !== null ? amount.capFen / WAN : null,
        floorWan: amount.kind === 'percent' && amount.floorFen !== null ? amount.floorFen / WAN : null,
        window: item.windowFrom
          ? [dayjs(item.windowFrom), item.windowTo ? dayjs(item.windowTo) : null]
          : null,
      };
    }),
  } as unknown as Partial<FormValues>;
}

export function usePolicyForm(onSaved: (policy: Policy) => void) {
  return useRecordForm<Policy, FormValues, Policy>({
    url: POLICIES_URL,
    invalidateKey: [...POLICIES_KEY],
    toBody,
    toFormValues,
    onSaved,
  });
}

const text = (value: { zh: string; en: string }) => translate(value, currentLanguage());
const fieldOptions = PROFILE_FIELDS.map((field) => ({
  value: field.key,
  label: `${text(field.label)}（${text(field.dataset)}）`,
}));

function ConditionRows({ itemName }: { itemName: number }) {
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

function AmountFields({ itemName }: { itemName: number }) {
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
