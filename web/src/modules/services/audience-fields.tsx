import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';

/** Enterprises invited to an event: several, searched on the server as the user types. */
function InvitedEnterprises(props: { value?: number[]; onChange?: (value: number[]) => void }) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const candidates = useQuery({
    queryKey: ['enterprises', 'picker', keyword],
    queryFn: () =>
      api.get<{ items: { id: number; name: string }[] }>(
        `/api/enterprises${toQueryString({ status: 'verified', pageSize: 20, keyword: keyword.trim() })}`,
      ),
  });
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      value={props.value}
      onChange={props.onChange}
      loading={candidates.isFetching}
      placeholder={t('common.pickEnterprise')}
      options={(candidates.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
      data-testid="event-invited"
    />
  );
}

/**
 * Who an event is open to beyond "all": the tiers (from the cultivation tier labels), the fields or
 * streets (typed), or the invited enterprises; sign-ups from outside are refused by the server.
 */
export function AudienceFields({ audience }: { audience: string | undefined }) {
  const { t } = useTranslation();
  const tiers = useQuery({
    queryKey: ['cultivation', 'tier-labels'],
    queryFn: () => api.get<{ items: { code: string; name: string }[] }>('/api/cultivation/tier-labels'),
    enabled: audience === 'tier',
    staleTime: 60_000,
  });
  const required = [{ required: true, message: t('services.required') }];
  if (audience === 'tier')
    return (
      <Form.Item name="audienceTargets" label={t('services.audienceTargets')} rules={required}>
        <Select
          mode="multiple"
          data-testid="event-audience-targets"
          options={(tiers.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
        />
      </Form.Item>
    );
  if (audience === 'field' || audience === 'street')
    return (
      <Form.Item
        name="audienceTargets"
        label={t('services.audienceTargets')}
        rules={required}
        extra={t(audience === 'field' ? 'services.audienceFieldsHint' : 'services.audienceStreetsHint')}
      >
        <Select mode="tags" open={false} data-testid="event-audience-targets" />
      </Form.Item>
    );
  if (audience === 'invited')
    return (
      <Form.Item name="invitedEnterpriseIds" label={t('services.invitedEnterprises')} rules={required}>
        <InvitedEnterprises />
      </Form.Item>
    );
  return null;
}
