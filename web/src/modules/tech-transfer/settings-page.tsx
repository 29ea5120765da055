import {
  formatRegistrationNumber,
  TECH_CONTRACT_FIELD_LABELS,
  type TechTransferSettings,
  techTransferSettingsSchema,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { textIn } from '../../app/i18n';

type SettingsView = TechTransferSettings & { version: number };
const SETTINGS_URL = '/api/tech-transfer/settings';
const SETTINGS_KEY = ['tech-transfer', 'settings'] as const;
const numberShape = techTransferSettingsSchema.shape.numberFormat.shape;
const limitShape = techTransferSettingsSchema.shape.timeLimits.shape;

function label(field: string): string {
  return textIn(TECH_CONTRACT_FIELD_LABELS[field]);
}

/** What the next number of a year looks like under the codes being typed. */
function NumberPreview({ values }: { values: Partial<TechTransferSettings['numberFormat']> | undefined }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const codes = { provinceCode: '', cityCode: '', registryCode: '', pattern: '', ...values };
  if (![codes.provinceCode, codes.cityCode, codes.registryCode].every((code) => /^\d{2}$/.test(code)))
    return null;
  const example = formatRegistrationNumber(codes, year, 1);
  let fits = false;
  try {
    fits = new RegExp(codes.pattern).test(example);
  } catch {
    fits = false;
  }
  return (
    <Alert
      type={fits ? 'info' : 'warning'}
      showIcon
      data-testid="number-preview"
      title={t('techTransfer.numberExample', { year, example })}
      description={fits ? undefined : t('techTransfer.numberNotFitting')}
    />
  );
}

/**
 * The registry's 合同登记编号 codes and pattern and its time limits: set by the system administrator,
 * read by the 登记员 (the 2026 办法's figures are not yet confirmed, so they are a setting).
 */
export function TechTransferSettingsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'sysadmin';
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsView>();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<SettingsView>(SETTINGS_URL) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const numberFormat = Form.useWatch('numberFormat', form);
  const save = useMutation({
    mutationFn: (values: TechTransferSettings) =>
      api.put<SettingsView>(SETTINGS_URL, { ...values, version: Math.max(settings.data?.version ?? 0, 1) }),
    onSuccess: (result) => {
      queryClient.setQueryData(SETTINGS_KEY, result);
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void settings.refetch() }),
  });
  if (!settings.data) return <Spin />;

  const codeItem = (field: 'provinceCode' | 'cityCode' | 'registryCode') => (
    <Col xs={24} md={8}>
      <Form.Item
        name={['numberFormat', field]}
        label={label(field)}
        rules={[zodRule(numberShape[field], field, undefined, TECH_CONTRACT_FIELD_LABELS)]}
      >
        <Input maxLength={2} disabled={!canEdit} data-testid={`settings-${field}`} />
      </Form.Item>
    </Col>
  );
  const dayItem = (field: 'normalDays' | 'largeOrDisputedDays' | 'warnBeforeDays') => (
    <Col xs={24} md={8}>
      <Form.Item
        name={['timeLimits', field]}
        label={label(field)}
        rules={[zodRule(limitShape[field], field, undefined, TECH_CONTRACT_FIELD_LABELS)]}
      >
        <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} disabled={!canEdit} />
      </Form.Item>
    </Col>
  );

  return (
    <Card title={t('techTransfer.settingsTitle')}>
      {!canEdit && (
        <Alert type="info" showIcon title={t('techTransfer.settingsReadOnly')} style={{ marginBottom: 16 }} />
      )}
      <Form<SettingsView>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate({ numberFormat: values.numberFormat, timeLimits: values.timeLimits })
        }
        data-testid="tech-settings-form"
      >
        <Divider titlePlacement="start">{t('techTransfer.numberSection')}</Divider>
        <Typography.Paragraph type="secondary">{t('techTransfer.numberHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {codeItem('provinceCode')}
          {codeItem('cityCode')}
          {codeItem('registryCode')}
        </Row>
        <Form.Item
          name={['numberFormat', 'pattern']}
          label={label('pattern')}
          rules={[zodRule(numberShape.pattern, 'pattern', undefined, TECH_CONTRACT_FIELD_LABELS)]}
        >
          <Input disabled={!canEdit} style={{ fontFamily: 'monospace' }} data-testid="settings-pattern" />
        </Form.Item>
        <NumberPreview values={numberFormat} />
        <Divider titlePlacement="start">{t('techTransfer.limitSection')}</Divider>
        <Row gutter={16}>
          {dayItem('normalDays')}
          {dayItem('largeOrDisputedDays')}
          {dayItem('warnBeforeDays')}
        </Row>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
