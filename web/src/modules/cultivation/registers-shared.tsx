import type { CertificateValidity } from '@kechuang/domain';
import { Form, Input, Select, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { yearOptions } from '../../app/year-options';

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
