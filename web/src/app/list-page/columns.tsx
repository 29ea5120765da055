import { Button } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';

/** The 操作 column with one 编辑 link, for lists whose rows open in the record form. */
export function editColumn<TRecord>(
  t: TFunction,
  onEdit: (record: TRecord) => void,
  testId: (record: TRecord) => string,
): ColumnType<TRecord> {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 80,
    render: (_value, row) => (
      <Button type="link" size="small" onClick={() => onEdit(row)} data-testid={testId(row)}>
        {t('common.edit')}
      </Button>
    ),
  };
}
