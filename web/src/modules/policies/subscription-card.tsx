import {
  POLICY_LEVEL_LABELS,
  POLICY_LEVELS,
  POLICY_THEME_LABELS,
  POLICY_THEMES,
  type PolicySubscription,
  translate,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { currentLanguage } from '../../app/i18n';
import { POLICIES_KEY, POLICIES_URL } from './use-policies';

/** 政策订阅: the levels and themes the enterprise follows (none chosen = all); told once per new policy. */
export function SubscriptionCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ levels: string[]; themes: string[] }>();
  const key = [...POLICIES_KEY, 'subscription'];
  const current = useQuery({
    queryKey: key,
    queryFn: () => api.get<PolicySubscription>(`${POLICIES_URL}/subscription`),
  });
  useEffect(() => {
    if (current.data) form.setFieldsValue({ levels: current.data.levels, themes: current.data.themes });
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (values: { levels?: string[]; themes?: string[] }) =>
      api.put<PolicySubscription>(`${POLICIES_URL}/subscription`, {
        levels: values.levels ?? [],
        themes: values.themes ?? [],
        ...(current.data?.version ? { version: current.data.version } : {}),
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: key }),
      }),
  });
  const language = currentLanguage();
  return (
    <Card size="small" title={t('policies.subscriptionTitle')} data-testid="policy-subscription">
      <Form form={form} layout="inline" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="levels" label={t('policies.level')}>
          <Select
            mode="multiple"
            style={{ minWidth: 220 }}
            placeholder={t('policies.allOf')}
            options={POLICY_LEVELS.map((value) => ({
              value,
              label: translate(POLICY_LEVEL_LABELS[value], language),
            }))}
          />
        </Form.Item>
        <Form.Item name="themes" label={t('policies.theme')}>
          <Select
            mode="multiple"
            style={{ minWidth: 260 }}
            placeholder={t('policies.allOf')}
            options={POLICY_THEMES.map((value) => ({
              value,
              label: translate(POLICY_THEME_LABELS[value], language),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="subscription-save">
          {current.data?.version ? t('policies.subscriptionUpdate') : t('policies.subscribe')}
        </Button>
      </Form>
      {current.data && (
        <Typography.Text type="secondary">
          {t('policies.subscriptionNotified', { count: current.data.notified })}
        </Typography.Text>
      )}
    </Card>
  );
}
