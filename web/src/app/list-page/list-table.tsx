import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Result, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { listPagination } from '../list-pagination';

interface ListData<T> {
  items: T[];
  total?: number;
}

/**
 * The table of a list page: rows from one query, an empty state that says so, a failed load that
 * offers 重试, and (given `paging`) server-side pages kept in the URL.
 */
export function ListTable<T extends object>({
  query,
  paging,
  emptyText,
  ...tableProps
}: Omit<TableProps<T>, 'dataSource' | 'loading'> & {
  query: UseQueryResult<ListData<T>>;
  paging?: {
    page: number;
    pageSize: number;
    update: (changes: { page: number; pageSize: number }) => void;
  };
  /** The sentence under the empty picture; 暂无数据 by default. */
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const { items, total } = query.data ?? { items: undefined, total: undefined };
  return (
    <Table<T>
      rowKey="id"
      dataSource={items}
      loading={query.isFetching}
      locale={{
        emptyText: query.isError ? (
          <Result
            status="warning"
            title={t('errors.loadFailed')}
            subTitle={t('listPage.loadFailedHint')}
            extra={
              <Button onClick={() => void query.refetch()} data-testid="list-retry">
                {t('errors.retry')}
              </Button>
            }
          />
        ) : (
          <Empty description={emptyText ?? t('common.empty')} />
        ),
      }}
      {...(paging
        ? listPagination(t, { page: paging.page, pageSize: paging.pageSize, total }, paging.update)
        : {})}
      {...tableProps}
    />
  );
}
