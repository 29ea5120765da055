import { POLICY_FIELD_LABELS, type PolicySettings, policySettingsSchema } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { textIn } from '../../app/i18n';

type SettingsView = PolicySettings & { version: number };
const SETTINGS_URL = '/api/policies/settings';
const SETTINGS_KEY = ['policies', 'settings'] as const;

/** 政策服务设置: how many working days before a window closes enterprises are reminded; sysadmin sets it. */
export function PolicySettingsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'sysadmin';
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsView>();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<SettingsView>(SETTINGS_URL) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: PolicySettings) =>
      api.put<SettingsView>(SETTINGS_URL, { ...values, version: Math.max(settings.data?.version ?? 0, 1) }),
    onSuccess: (result) => {
      queryClient.setQueryData(SETTINGS_KEY, result);
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void settings.refetch() }),
  });
  if (!settings.data) return <Spin />;

  return (
    <Card title={t('policies.settingsTitle')}>
      {!canEdit && (
        <Alert type="info" showIcon title={t('policies.settingsReadOnly')} style={{ marginBottom: 16 }} />
      )}
      <Form<SettingsView>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate({ closingReminderDays: values.closingReminderDays })}
        data-testid="policy-settings-form"
      >
        <Typography.Paragraph type="secondary">{t('policies.settingsHint')}</Typography.Paragraph>
        <Form.Item
          name="closingReminderDays"
          label={textIn(POLICY_FIELD_LABELS.closingReminderDays)}
          rules={[
            zodRule(
              policySettingsSchema.shape.closingReminderDays,
              'closingReminderDays',
              undefined,
              POLICY_FIELD_LABELS,
            ),
          ]}
        >
          <InputNumber
            min={1}
            max={30}
            precision={0}
            style={{ width: 200 }}
            disabled={!canEdit}
            data-testid="settings-closing-reminder-days"
          />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
