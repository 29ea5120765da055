import {
  ENTERPRISE_SORT_FIELDS,
  ENTERPRISE_STATUSES,
  type EnterpriseStatus,
  type enterprisePageSchema,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Col, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { entryLabel, entryOptions, useDictionaries } from '../../app/dictionaries';
import { CountTabs } from '../../app/list-page/count-tabs';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ImportButton } from '../imports/import-modal';
import { EnterpriseStatusTag } from './enterprise-status';

type EnterprisePage = ReturnType<typeof enterprisePageSchema.parse>;
type EnterpriseRow = EnterprisePage['items'][number];
type SortField = (typeof ENTERPRISE_SORT_FIELDS)[number];

const FILTER_NAMES = ['keyword', 'industry', 'street', 'size'] as const;
const URL_KEYS = [...FILTER_NAMES, 'status', 'sort', 'order'] as const;
type FilterValues = Partial<Record<(typeof FILTER_NAMES)[number], string>>;

function isSortField(value: string | null): value is SortField {
  return value !== null && (ENTERPRISE_SORT_FIELDS as readonly string[]).includes(value);
}

function isStatus(value: string | null): value is EnterpriseStatus {
  return value !== null && (ENTERPRISE_STATUSES as readonly string[]).includes(value);
}

/** The list's state lives in the URL, so links from the workbench, back and refresh keep it. */
function useListState() {
  const { values, page, pageSize, update } = useUrlFilters(URL_KEYS);
  const sort = values.sort ?? null;
  const state = {
    page,
    pageSize,
    sort: isSortField(sort) ? sort : undefined,
    order: values.order === 'asc' ? ('asc' as const) : ('desc' as const),
    status: isStatus(values.status ?? null) ? (values.status as EnterpriseStatus) : undefined,
    keyword: values.keyword,
    industry: values.industry,
    street: values.street,
    size: values.size,
  };
  return { state, update };
}

/** Dictionary codes stay text in the query bar. */
function asText(values: Record<string, string | undefined>): FilterValues {
  return values;
}

export function EnterpriseListPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canImport = user?.role === 'staff';
  const dictionaries = useDictionaries();
  const { state, update } = useListState();
  const filters = {
    keyword: state.keyword,
    industry: state.industry,
    street: state.street,
    size: state.size,
  };

  const listQuery = {
    ...filters,
    status: state.status,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  };
  const list = useQuery({
    queryKey: ['enterprises', 'list', listQuery],
    queryFn: () => api.get<EnterprisePage>(`/api/enterprises${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });

  // Tab counts under the same filters come with the page itself.
  const tabKeys = ['all', ...ENTERPRISE_STATUSES] as const;
  const statusCounts = list.data?.statusCounts;
  const countOf = (key: (typeof tabKeys)[number]) =>
    statusCounts === undefined
      ? undefined
      : key === 'all'
        ? Object.values(statusCounts).reduce((sum, value) => sum + value, 0)
        : (statusCounts[key] ?? 0);

  const exportHref = `/api/enterprises/export${toQueryString({
    ...filters,
    status: state.status,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  })}`;

  const tabLabels: Record<(typeof tabKeys)[number], string> = {
    all: t('common.all'),
    pending: t('enterprise.tabPending'),
    verified: t('enterprise.tabVerified'),
    returned: t('enterprise.tabReturned'),
  };

  const sortOrderOf = (field: SortField) =>
    state.sort === field ? (state.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<EnterpriseRow>['columns'] = [
    {
      title: t('enterprise.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      sorter: true,
      sortOrder: sortOrderOf('creditCode'),
      width: 200,
    },
    {
      title: t('enterprise.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.id}`}>{name}</Link>,
    },
    {
      title: t('enterprise.industry'),
      dataIndex: 'industry',
      key: 'industry',
      render: (code: string | null) => entryLabel(dictionaries.data?.industries, code) || '—',
    },
    {
      title: t('enterprise.street'),
      dataIndex: 'street',
      key: 'street',
      render: (value: string | null) => value || '—',
    },
    {
      title: t('enterprise.size'),
      dataIndex: 'size',
      key: 'size',
      render: (code: string | null) => entryLabel(dictionaries.data?.sizes, code) || '—',
    },
    {
      title: t('enterprise.foundedOn'),
      dataIndex: 'foundedOn',
      key: 'foundedOn',
      sorter: true,
      sortOrder: sortOrderOf('foundedOn'),
      render: (value: string | null) => value || '—',
    },
    {
      title: t('enterprise.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrderOf('status'),
      render: (status: string) => <EnterpriseStatusTag status={status} />,
    },
    {
      title: t('enterprise.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_value, row) => (
        <Link to={`/bureau/enterprises/${row.id}`} data-testid={`view-enterprise-${row.id}`}>
          {t('common.view')}
        </Link>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <QueryBar<FilterValues>
          testId="enterprise-query"
          buttonTestIds={{ search: 'filter-search', reset: 'filter-reset' }}
          values={filters}
          toFormValues={asText}
          onSearch={(values) =>
            update({
              keyword: values.keyword?.trim() || undefined,
              industry: values.industry || undefined,
              street: values.street || undefined,
              size: values.size || undefined,
              page: 1,
            })
          }
          onReset={() =>
            update({ keyword: undefined, industry: undefined, street: undefined, size: undefined, page: 1 })
          }
        >
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="keyword" label={t('enterprise.keyword')}>
              <Input
                allowClear
                placeholder={t('enterprise.keywordPlaceholder')}
                data-testid="filter-keyword"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="industry" label={t('enterprise.industry')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={entryOptions(dictionaries.data?.industries)}
                data-testid="filter-industry"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="street" label={t('enterprise.street')}>
              <Select
                allowClear
                showSearch
                placeholder={t('common.all')}
                options={(dictionaries.data?.streets ?? []).map((street) => ({
                  value: street,
                  label: street,
                }))}
                data-testid="filter-street"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="size" label={t('enterprise.size')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={entryOptions(dictionaries.data?.sizes)}
                data-testid="filter-size"
              />
            </Form.Item>
          </Col>
        </QueryBar>
      }
      title={t('enterprise.listTitle')}
      actions={
        <>
          {canImport && (
            <ImportButton
              kind="enterprise-ledger"
              title={t('enterprise.ledger')}
              invalidates={[['enterprises']]}
            />
          )}
          <ExportButton href={exportHref} testId="enterprise-export" />
        </>
      }
    >
      <CountTabs
        testId="status-tabs"
        testIdPrefix="status-tab"
        activeKey={state.status ?? 'all'}
        onChange={(key) => update({ status: isStatus(key) ? key : undefined, page: 1 })}
        tabs={tabKeys.map((key) => ({
          key,
          label: tabLabels[key],
          count: countOf(key),
          color: key === 'pending' ? '#1456c6' : undefined,
        }))}
      />
      <ListTable<EnterpriseRow>
        data-testid="enterprise-table"
        columns={columns}
        query={list}
        scroll={{ x: 1100 }}
        paging={{ page: state.page, pageSize: state.pageSize, update }}
        onChange={(pagination, _filters, sorter, extra) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = typeof single?.columnKey === 'string' ? single.columnKey : null;
          const isSorted = isSortField(field) && single?.order;
          update({
            page: extra.action === 'paginate' ? (pagination.current ?? 1) : 1,
            pageSize: pagination.pageSize ?? 20,
            sort: isSorted ? (field as SortField) : undefined,
            order: isSorted ? (single?.order === 'ascend' ? 'asc' : 'desc') : undefined,
          });
        }}
      />
    </ListPage>
  );
}
