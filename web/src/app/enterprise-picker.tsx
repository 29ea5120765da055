import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from './api-client';

interface EnterpriseOption {
  id: number;
  name: string;
  creditCode: string;
}

/** Picks a verified enterprise by name or credit code, searching the server as the user types. */
export function EnterprisePicker(props: {
  value?: number;
  onChange?: (value: number) => void;
  disabled?: boolean;
  /** Shown for the current value before any search (when editing). */
  initialLabel?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const candidates = useQuery({
    queryKey: ['enterprises', 'picker', keyword],
    queryFn: () =>
      api.get<{ items: EnterpriseOption[] }>(
        `/api/enterprises${toQueryString({ status: 'verified', pageSize: 20, keyword: keyword.trim() })}`,
      ),
    enabled: !props.disabled,
  });
  const options = (candidates.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.name}（${item.creditCode}）`,
  }));
  if (
    props.value !== undefined &&
    props.initialLabel &&
    !options.some((option) => option.value === props.value)
  )
    options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      loading={candidates.isFetching}
      placeholder={t('common.pickEnterprise')}
      notFoundContent={t('common.empty')}
      options={options}
      data-testid={props['data-testid']}
    />
  );
}
