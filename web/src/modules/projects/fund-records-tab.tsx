import { useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { yearOptions } from '../cultivation/registers-shared';

export const FUNDS_KEY = ['funds'] as const;

interface FundRecord {
  id: number;
  version: number;
}

/**
 * A register of money paid out (awards, risk compensations): a year filter, the records, and
 * 新增 / 编辑 in one modal. A save reloads the yearly totals too.
 */
export function FundRecordsTab<TRecord extends FundRecord, TValues>(props: {
  canWrite: boolean;
  /** The collection, `/api/funds/awards`; also its query key. */
  url: string;
  columns: NonNullable<TableProps<TRecord>['columns']>;
  toBody: (values: TValues) => object;
  toFormValues: (record: TRecord) => Partial<TValues>;
  /** The form's fields; `record` is the one being edited. */
  fields: (record: TRecord | undefined) => ReactNode;
  addTestId?: string;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>();
  const list = useQuery({
    queryKey: [...FUNDS_KEY, props.url, year],
    queryFn: () =>
      api.get<{ items: TRecord[]; total: number }>(`${props.url}${toQueryString({ year, pageSize: 200 })}`),
  });
  const recordForm = useRecordForm<TRecord, TValues>({
    url: props.url,
    invalidateKey: FUNDS_KEY,
    toBody: (values) => props.toBody(values),
    toFormValues: (record) => (record === 'new' ? undefined : props.toFormValues(record)),
    successText: t('common.done'),
  });
  const editColumn: NonNullable<TableProps<TRecord>['columns']>[number] = {
    title: '',
    key: 'edit',
    width: 80,
    render: (_value, row) =>
      props.canWrite && (
        <Button type="link" onClick={() => recordForm.open(row)}>
          {t('plan.edit')}
        </Button>
      ),
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          allowClear
          placeholder={t('plan.year')}
          options={yearOptions(2017)}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
        />
        {props.canWrite && (
          <AddButton label={t('plan.add')} onClick={() => recordForm.open('new')} testId={props.addTestId} />
        )}
      </Space>
      <ListTable<TRecord> query={list} columns={[...props.columns, editColumn]} />
      <FormModal
        recordForm={recordForm}
        title={recordForm.isNew ? t('plan.add') : t('plan.edit')}
        okText={t('common.confirm')}
      >
        {props.fields(recordForm.record)}
      </FormModal>
    </Space>
  );
}
