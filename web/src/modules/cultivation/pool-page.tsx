import {
  CULTIVATION_POOL_FIELD_LABELS,
  CULTIVATION_POOL_STATUSES,
  type CultivationPoolDetail,
  type CultivationPoolEntry,
  type CultivationPoolStatus,
  cultivationPoolProposalSchema,
  cultivationPoolWorkflow,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { CountTabs, useTabCounts } from '../../app/list-page/count-tabs';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { POOL_KEY, PoolDrawer, PoolStatusTag } from './pool-drawer';
import { EnterpriseField, KeywordYearQuery, textIn, yearOptions } from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}
interface ProposalValues {
  enterpriseId: number;
  year: number;
  reason: string;
}

const TAB_KEYS = ['all', ...CULTIVATION_POOL_STATUSES] as const;

function isStatus(value: string | undefined): value is CultivationPoolStatus {
  return value !== undefined && (CULTIVATION_POOL_STATUSES as readonly string[]).includes(value);
}

/** 高企培育库: proposals, admissions after the rule pre-check, and exits. */
export function PoolPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters(['status', 'year', 'keyword', 'open'] as const);

  const status = isStatus(values.status) ? values.status : undefined;
  const filters = { year: values.year, keyword: values.keyword };
  const listQuery = { ...filters, status, page, pageSize };
  const list = useQuery({
    queryKey: [...POOL_KEY, 'list', listQuery],
    queryFn: () => api.get<Page<CultivationPoolEntry>>(`/api/cultivation/pool${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const counts = useTabCounts(
    TAB_KEYS,
    [...POOL_KEY, filters],
    (key) =>
      `/api/cultivation/pool${toQueryString({ ...filters, status: key === 'all' ? undefined : key, pageSize: 1 })}`,
  );

  const proposal = useRecordForm<CultivationPoolEntry, ProposalValues, CultivationPoolDetail>({
    url: '/api/cultivation/pool',
    invalidateKey: POOL_KEY,
    toBody: (input) => ({ ...input, reason: input.reason.trim() }),
    toFormValues: () => ({ year: new Date().getFullYear() }),
    successText: t('common.done'),
    onSaved: (result) => update({ open: result.entry.id }),
  });

  const columns: TableProps<CultivationPoolEntry>['columns'] = [
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <Typography.Link onClick={() => update({ open: row.id })} data-testid={`pool-open-${row.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (value: CultivationPoolStatus) => <PoolStatusTag status={value} />,
    },
    { title: t('registers.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('registers.updatedAt'),
      dataIndex: 'updatedAt',
      width: 120,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Button type="link" size="small" onClick={() => update({ open: row.id })}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <KeywordYearQuery
          testId="pool-query"
          values={filters}
          update={update}
          yearLabel={t('registers.year')}
        />
      }
      title={t('registers.poolTitle')}
      actions={
        <>
          <ExportButton
            href={`/api/cultivation/pool/export${toQueryString({ ...filters, status })}`}
            testId="pool-propose-export"
          />
          {canEdit && (
            <AddButton
              label={t('registers.propose')}
              onClick={() => proposal.open('new')}
              testId="pool-propose"
            />
          )}
        </>
      }
      overlays={
        <>
          <PoolDrawer id={Number(values.open) || null} onClose={() => update({ open: undefined })} />
          <FormModal
            recordForm={proposal}
            title={t('registers.propose')}
            okText={t('common.submit')}
            okTestId="pool-propose-submit"
          >
            <EnterpriseField testId="pool-enterprise" />
            <Form.Item
              name="year"
              label={t('registers.year')}
              rules={[
                zodRule(
                  cultivationPoolProposalSchema.shape.year,
                  'year',
                  undefined,
                  CULTIVATION_POOL_FIELD_LABELS,
                ),
              ]}
            >
              <Select options={yearOptions()} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('registers.reason')}
              rules={[
                { required: true, whitespace: true, message: t('registers.reasonRequired') },
                zodRule(
                  cultivationPoolProposalSchema.shape.reason,
                  'reason',
                  undefined,
                  CULTIVATION_POOL_FIELD_LABELS,
                ),
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="pool-reason" />
            </Form.Item>
          </FormModal>
        </>
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({
          key,
          label: key === 'all' ? t('common.all') : textIn(cultivationPoolWorkflow.states[key]),
          count: counts[index],
        }))}
        activeKey={status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        testIdPrefix="pool-tab"
      />
      <ListTable<CultivationPoolEntry>
        data-testid="pool-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
