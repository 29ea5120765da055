import {
  PLATFORM_FIELD_LABELS,
  type PlatformApplication,
  type PlatformLevel,
  platformApplicationInputSchema,
  type RequirementItem,
} from '@kechuang/domain';
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../app/form-rules';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { APPLICATIONS_KEY, APPLICATIONS_URL } from './use-applications';
import { levelLabel, usePlatformList, usePlatformTypes } from './use-platforms';

export interface ApplicationFormValues {
  platformId?: number;
  typeId: number;
  level: PlatformLevel;
  name: string;
  summary?: string;
  values?: Record<string, number | boolean | null>;
  contactName: string;
  contactPhone: string;
}

function toBody(values: ApplicationFormValues) {
  return {
    platformId: values.platformId ?? null,
    typeId: values.typeId,
    level: values.level,
    name: values.name,
    summary: values.summary?.trim() ?? '',
    values: Object.fromEntries(
      Object.entries(values.values ?? {}).filter(([, value]) => value !== undefined && value !== null),
    ),
    contactName: values.contactName,
    contactPhone: values.contactPhone,
  };
}

function toFormValues(record: PlatformApplication | 'new'): Partial<ApplicationFormValues> | undefined {
  if (record === 'new') return undefined;
  return {
    platformId: record.platformId ?? undefined,
    typeId: record.typeId,
    level: record.level,
    name: record.name,
    summary: record.summary,
    values: record.values,
    contactName: record.contactName,
    contactPhone: record.contactPhone,
  };
}

/** 申请认定（升级）: a draft the enterprise keeps editing until it submits; 补正 reopens it. */
export function useApplicationForm(onSaved?: (application: PlatformApplication) => void) {
  return useRecordForm<PlatformApplication, ApplicationFormValues, PlatformApplication>({
    url: APPLICATIONS_URL,
    invalidateKey: APPLICATIONS_KEY,
    toBody,
    toFormValues,
    onSaved,
  });
}

const rule = (field: keyof typeof platformApplicationInputSchema.shape) =>
  zodRule(platformApplicationInputSchema.shape[field], field, undefined, PLATFORM_FIELD_LABELS);

function RequirementInput({ item }: { item: RequirementItem }) {
  const { t } = useTranslation();
  const limit =
    item.min !== undefined
      ? `≥${item.min}${item.unit ?? ''}`
      : item.max !== undefined
        ? `≤${item.max}${item.unit ?? ''}`
        : '';
  const isYesNo = item.min === undefined && item.max === undefined;
  return (
    <Row gutter={12}>
      <Col span={item.or ? 12 : 24}>
        <Form.Item
          name={['values', item.key]}
          label={`${item.label}${limit ? `（${limit}）` : ''}`}
          valuePropName={isYesNo ? 'checked' : 'value'}
        >
          {isYesNo ? (
            <Switch checkedChildren={t('platforms.yes')} unCheckedChildren={t('platforms.no')} />
          ) : (
            <InputNumber min={0} style={{ width: '100%' }} data-testid={`requirement-${item.key}`} />
          )}
        </Form.Item>
      </Col>
      {item.or && (
        <Col span={12}>
          <Form.Item
            name={['values', item.or.key]}
            label={`${t('platforms.or')}${item.or.label}（≥${item.or.min}${item.or.unit ?? ''}）`}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid={`requirement-${item.or.key}`} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** The application form: what is applied for, then the type × level's conditions to fill in. */
export function ApplicationFormModal({ recordForm }: { recordForm: ReturnType<typeof useApplicationForm> }) {
  const { t } = useTranslation();
  const types = usePlatformTypes();
  const own = usePlatformList({ pageSize: 200 });
  const typeId = Form.useWatch('typeId', recordForm.form);
  const level = Form.useWatch('level', recordForm.form);
  const platformId = Form.useWatch('platformId', recordForm.form);
  const type = types.data?.items.find((item) => item.id === typeId);
  const items = (level && type?.requirements[level]) || [];
  const platforms = (own.data?.items ?? []).filter(
    (item) => item.status === 'operating' || item.status === 'warned',
  );
  return (
    <FormModal
      recordForm={recordForm}
      title={recordForm.isNew ? t('platforms.applyTitle') : t('platforms.editApplication')}
      okTestId="application-save"
      formTestId="application-form"
      width={760}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="platformId" label={t('platforms.upgradeOf')} extra={t('platforms.upgradeOfHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="application-platform"
              options={platforms.map((item) => ({
                value: item.id,
                label: `${item.name}（${levelLabel(item.level)}）`,
              }))}
              onChange={(id?: number) => {
                const platform = platforms.find((item) => item.id === id);
                if (platform)
                  recordForm.form.setFieldsValue({ typeId: platform.typeId, name: platform.name });
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="typeId"
            label={t('platforms.type')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={platformId !== undefined}
              data-testid="application-type"
              options={(types.data?.items ?? [])
                .filter((item) => item.isActive)
                .map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="level"
            label={t('platforms.appliedLevel')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Select
              data-testid="application-level"
              options={(type?.levels ?? []).map((item) => ({ value: item, label: levelLabel(item) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="name" label={t('platforms.name')} rules={[rule('name')]}>
            <Input data-testid="application-name" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label={t('platforms.applicationSummary')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactName" label={t('platforms.contactName')} rules={[rule('contactName')]}>
            <Input data-testid="application-contact" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t('platforms.contactPhone')} rules={[rule('contactPhone')]}>
            <Input data-testid="application-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('platforms.checklistTitle')}</Divider>
      {items.length === 0 ? (
        <div data-testid="application-no-requirements">{t('platforms.noRequirements')}</div>
      ) : (
        items.map((item) => <RequirementInput key={item.key} item={item} />)
      )}
    </FormModal>
  );
}
