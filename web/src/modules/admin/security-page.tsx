import {
  ROLE_LABELS,
  ROLES,
  SECOND_FACTOR_FIELD_LABELS,
  type SecuritySettings,
  type securitySettingsResponseSchema,
  securitySettingsSchema,
  translate,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { PageLoading } from '../../app/guards';
import { currentLanguage } from '../../app/i18n';

type SecurityResponse = ReturnType<typeof securitySettingsResponseSchema.parse>;

const SECURITY_KEY = ['admin', 'security-settings'] as const;

/** 安全策略: the security administrator decides which roles sign in with a second factor. */
export function SecurityPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SecuritySettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: SECURITY_KEY,
    queryFn: () => api.get<SecurityResponse>('/api/admin/security-settings'),
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: SecuritySettings) =>
      api.put<SecurityResponse>('/api/admin/security-settings', {
        ...values,
        // A district that never saved these settings has none stored yet (version 0).
        version: Math.max(settings.data?.version ?? 1, 1),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(SECURITY_KEY, updated);
      showSuccessMessage(t('common.saved'));
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: SECURITY_KEY }),
      }),
  });

  if (settings.isPending) return <PageLoading />;
  if (!settings.data) return <Result status="warning" title={t('errors.loadFailed')} />;

  const language = currentLanguage();
  return (
    <Card title={t('menu.security')}>
      <Form<SecuritySettings>
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={(values) => save.mutate(values)}
        data-testid="security-form"
        style={{ maxWidth: 880 }}
      >
        <Form.Item
          name="secondFactorRoles"
          label={t('admin.secondFactorRoles')}
          extra={t('admin.secondFactorRolesHint')}
          rules={[
            zodRule(
              securitySettingsSchema.shape.secondFactorRoles,
              'secondFactorRoles',
              undefined,
              SECOND_FACTOR_FIELD_LABELS,
            ),
          ]}
        >
          <Checkbox.Group
            data-testid="second-factor-roles"
            options={ROLES.map((role) => ({ value: role, label: translate(ROLE_LABELS[role], language) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
