import type { TFunction } from 'i18next';

/**
 * The paging props every list table shares: server-side pages, size changer, "共 N 条", and the
 * page held in the URL by the page's own `update`.
 */
export function listPagination(
  t: TFunction,
  options: { page: number; pageSize: number; total: number | undefined },
  update: (changes: { page: number; pageSize: number }) => void,
) {
  return {
    pagination: {
      current: options.page,
      pageSize: options.pageSize,
      total: options.total ?? 0,
      showSizeChanger: true,
      showTotal: (total: number) => t('common.total', { count: total }),
    },
    onChange: (pagination: { current?: number; pageSize?: number }) =>
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }),
  };
}
