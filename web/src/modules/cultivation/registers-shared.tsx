import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { type CertificateValidity, type Text, translate } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Col, Form, Row, Select, Space, Tag } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

type UrlValue = string | number | undefined;

/** A list's filters and page live in the URL, so back, refresh and shared links keep them. */
export function useUrlFilters<TKey extends string>(keys: readonly TKey[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Partial<
    Record<TKey, string>
  >;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const update = (changes: Partial<Record<TKey | 'page' | 'pageSize', UrlValue>>) => {
    const next: Record<string, UrlValue> = { ...values, page, pageSize, ...changes };
    setParams(
      new URLSearchParams(
        toQueryString({
          ...next,
          page: next.page === 1 ? undefined : next.page,
          pageSize: next.pageSize === 20 ? undefined : next.pageSize,
        }),
      ),
    );
  };
  return { values, page, pageSize, update };
}

/** The 查询 / 重置 bar of a list; its fields show the filters of the URL. */
export function QueryBar<TValues extends Record<string, unknown>>(props: {
  values: Partial<Record<keyof TValues, string>>;
  onSearch: (values: TValues) => void;
  onReset: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TValues>();
  const search = JSON.stringify(props.values);
  useEffect(() => {
    form.resetFields();
    const values = JSON.parse(search) as Record<string, string | undefined>;
    form.setFieldsValue(
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          value !== undefined && /^\d+$/.test(value) && key !== 'keyword' ? Number(value) : value,
        ]),
      ) as never,
    );
  }, [search, form]);
  return (
    <Form<TValues> form={form} data-testid={props.testId} onFinish={props.onSearch}>
      <Row gutter={16}>{props.children}</Row>
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          data-testid={`${props.testId}-search`}
        >
          {t('common.search')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          data-testid={`${props.testId}-reset`}
          onClick={() => {
            form.resetFields();
            props.onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}

export function FilterCol({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12} xl={6}>
      {children}
    </Col>
  );
}

/** Years from 2017 (the 科技型中小企业 evaluation's first year) to next year, newest first. */
export function yearOptions(from = 2017): { value: number; label: string }[] {
  const last = new Date().getFullYear() + 1;
  const years: { value: number; label: string }[] = [];
  for (let year = last; year >= from; year--) years.push({ value: year, label: String(year) });
  return years;
}

/** A tab label with its count. */
export function CountLabel({ label, count, testId }: { label: string; count?: number; testId: string }) {
  return (
    <span data-testid={testId}>
      {label}
      {count !== undefined && (
        <Badge
          count={count}
          showZero
          overflowCount={99999}
          color="#bfbfbf"
          style={{ marginInlineStart: 6 }}
        />
      )}
    </span>
  );
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
