import {
  CERTIFICATE_VALIDITIES,
  type CertificateValidity,
  type ObserverHighTechItem,
  type ObserverRdExpenseItem,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { formatWan, ValidityTag, yearOptions } from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}

function isValidity(value: string | undefined): value is CertificateValidity {
  return value !== undefined && (CERTIFICATE_VALIDITIES as readonly string[]).includes(value);
}

/** 信息畅通机制: the high-tech enterprises with their certificate numbers and validity, for finance and tax. */
export function ObserverHighTechPage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(['keyword', 'validity', 'year'] as const);
  const filters = {
    keyword: values.keyword,
    validity: isValidity(values.validity) ? values.validity : undefined,
    year: values.year,
  };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['observer', 'high-tech', query],
    queryFn: () =>
      api.get<Page<ObserverHighTechItem>>(`/api/observer/high-tech-enterprises${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<ObserverHighTechItem>['columns'] = [
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('registers.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('registers.certificateNumber'), dataIndex: 'certificateNumber', width: 160 },
    { title: t('registers.issuedOn'), dataIndex: 'issuedOn', width: 120 },
    { title: t('registers.expiresOn'), dataIndex: 'expiresOn', width: 120 },
    {
      title: t('registers.validityLabel'),
      dataIndex: 'validity',
      width: 170,
      render: (value: CertificateValidity) => <ValidityTag validity={value} />,
    },
  ];
  return (
    <ListPage
      filters={
        <QueryBar<{ keyword?: string; validity?: string; year?: number }>
          testId="observer-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              validity: input.validity || undefined,
              year: input.year || undefined,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, validity: undefined, year: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('registers.keywordPlaceholder')} />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="validity" label={t('registers.validityLabel')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={CERTIFICATE_VALIDITIES.map((key) => ({
                  value: key,
                  label: t(`registers.validity.${key}`),
                }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('registers.issueYear')}>
              <Select allowClear placeholder={t('common.all')} options={yearOptions(2008)} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('registers.observerHighTechTitle')}
      actions={
        <ExportButton
          href={`/api/observer/high-tech-enterprises/export${toQueryString(filters)}`}
          testId="observer-high-tech-export"
        />
      }
    >
      <ListTable<ObserverHighTechItem>
        rowKey="certificateNumber"
        data-testid="observer-high-tech-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}

/** 信息畅通机制: the R&D expense of each high-tech enterprise by year, in 万元. */
export function ObserverRdExpensesPage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(['keyword', 'year'] as const);
  const filters = { keyword: values.keyword, year: values.year };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['observer', 'rd-expenses', query],
    queryFn: () => api.get<Page<ObserverRdExpenseItem>>(`/api/observer/rd-expenses${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<ObserverRdExpenseItem>['columns'] = [
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('registers.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    {
      title: t('registers.rdExpense'),
      dataIndex: 'rdExpenseFen',
      align: 'right',
      width: 180,
      render: (fen: number) => formatWan(fen),
    },
    {
      title: t('registers.rdExpenseDomestic'),
      dataIndex: 'rdExpenseDomesticFen',
      align: 'right',
      width: 200,
      render: (fen: number) => formatWan(fen),
    },
  ];
  return (
    <ListPage
      filters={
        <QueryBar<{ keyword?: string; year?: number }>
          testId="observer-query"
          values={filters}
          onSearch={(input) =>
            update({ keyword: input.keyword?.trim() || undefined, year: input.year || undefined, page: 1 })
          }
          onReset={() => update({ keyword: undefined, year: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('registers.keywordPlaceholder')} />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('registers.year')}>
              <Select allowClear placeholder={t('common.all')} options={yearOptions(2015)} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('registers.observerRdTitle')}
      actions={
        <ExportButton
          href={`/api/observer/rd-expenses/export${toQueryString(filters)}`}
          testId="observer-rd-export"
        />
      }
    >
      <ListTable<ObserverRdExpenseItem>
        rowKey={(row) => `${row.creditCode}-${row.year}`}
        data-testid="observer-rd-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
