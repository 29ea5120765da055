import { type CertificateValidity, type Text, translate } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';

/** Years from 2017 (the 科技型中小企业 evaluation's first year) to next year, newest first. */
export function yearOptions(from = 2017): { value: number; label: string }[] {
  const last = new Date().getFullYear() + 1;
  const years: { value: number; label: string }[] = [];
  for (let year = last; year >= from; year--) years.push({ value: year, label: String(year) });
  return years;
}

export const VALIDITY_COLORS: Record<CertificateValidity, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
};

export function ValidityTag({ validity }: { validity: CertificateValidity }) {
  const { t } = useTranslation();
  return (
    <Tag color={VALIDITY_COLORS[validity]} data-testid={`validity-${validity}`}>
      {t(`registers.validity.${validity}`)}
    </Tag>
  );
}

export function textIn(text: Text): string {
  return translate(text, currentLanguage());
}

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
      placeholder={t('registers.pickEnterprise')}
      notFoundContent={t('common.empty')}
      options={options}
      data-testid={props['data-testid']}
    />
  );
}

/** 万元 with two decimals from an amount kept in fen. */
export function formatWan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The registers' query bar: a keyword (name or credit code) and a year. */
export function KeywordYearQuery(props: {
  testId: string;
  values: { keyword?: string; year?: string };
  update: (changes: { keyword?: string; year?: string | number; page: number }) => void;
  yearLabel: string;
  yearFrom?: number;
  keywordTestId?: string;
  yearTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <QueryBar<{ keyword?: string; year?: number }>
      testId={props.testId}
      values={{ keyword: props.values.keyword, year: props.values.year }}
      onSearch={(input) =>
        props.update({ keyword: input.keyword?.trim() || undefined, year: input.year || undefined, page: 1 })
      }
      onReset={() => props.update({ keyword: undefined, year: undefined, page: 1 })}
    >
      <FilterCol>
        <Form.Item name="keyword" label={t('common.keyword')}>
          <Input
            allowClear
            placeholder={t('registers.keywordPlaceholder')}
            data-testid={props.keywordTestId}
          />
        </Form.Item>
      </FilterCol>
      <FilterCol>
        <Form.Item name="year" label={props.yearLabel}>
          <Select
            allowClear
            placeholder={t('common.all')}
            options={yearOptions(props.yearFrom)}
            data-testid={props.yearTestId}
          />
        </Form.Item>
      </FilterCol>
    </QueryBar>
  );
}

interface EnterpriseRow {
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
}

/** A register row's enterprise (linked to its page) and credit code, the first columns of each register. */
export function enterpriseColumns<TRecord extends EnterpriseRow>(t: TFunction): ColumnType<TRecord>[] {
  return [
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
  ];
}

/** The register forms' enterprise: picked when new, fixed once the record exists. */
export function EnterpriseField({
  record,
  isNew = true,
  testId,
}: {
  record?: { enterpriseName: string };
  isNew?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="enterpriseId"
      label={t('registers.enterprise')}
      rules={[{ required: true, message: t('registers.enterpriseRequired') }]}
    >
      <EnterprisePicker disabled={!isNew} initialLabel={record?.enterpriseName} data-testid={testId} />
    </Form.Item>
  );
}
