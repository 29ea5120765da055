import { type TechMatching, techMatchingWorkflow } from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Input, Select, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { HistoryTimeline } from '../../app/history-timeline';
import { textIn } from '../../app/i18n';
import { ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { WorkflowActions } from '../../app/workflow-actions';
import type { Page } from './matching-shared';

const LIST_KEY = ['tech-matchings'] as const;

function MatchingDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [contractId, setContractId] = useState('');
  const detail = useQuery({
    queryKey: [...LIST_KEY, 'detail', id],
    queryFn: () => api.get<TechMatching>(`/api/tech-transfer/matchings/${id}`),
    enabled: id !== null,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const link = useMutation({
    mutationFn: (record: TechMatching) =>
      api.post(`/api/tech-transfer/matchings/${record.id}/contract`, {
        version: record.version,
        contractId: Number(contractId),
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      reload();
    },
    onError: (error) => handleApiError(error, { onConflict: reload }),
  });
  const record = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={record?.needTitle}>
      {record && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('techMatching.status')}>
              {textIn(techMatchingWorkflow.states[record.status])}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.enterprise')}>
              {record.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.counterpart')}>
              {record.resultTitle
                ? `${record.resultTitle}（${record.counterpartName}）`
                : record.counterpartName}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.reason')}>{record.reason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.event')}>{record.eventTitle ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.contract')}>
              {record.contractRegistrationNo ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <WorkflowActions
            definition={techMatchingWorkflow}
            allowedActions={record.allowedActions}
            actionUrl={(action) => `/api/tech-transfer/matchings/${record.id}/actions/${action}`}
            version={record.version}
            onDone={reload}
            onConflict={reload}
            dangerStates={['ended']}
          />
          {user?.role === 'staff' && ['agreement', 'signed'].includes(record.status) && (
            <Space.Compact>
              <Input
                placeholder={t('techMatching.contractId')}
                value={contractId}
                onChange={(event) => setContractId(event.target.value)}
                style={{ width: 240 }}
              />
              <Button onClick={() => link.mutate(record)} loading={link.isPending}>
                {t('techMatching.linkContract')}
              </Button>
            </Space.Compact>
          )}
          <HistoryTimeline history={record.history} />
        </Space>
      )}
    </Drawer>
  );
}

/** 对接记录: every need introduced to a result or an expert, through to the registered contract. */
export function MatchingsPage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(['status'] as const);
  const [openId, setOpenId] = useState<number | null>(null);
  const listQuery = { status: values.status, page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, listQuery],
    queryFn: () => api.get<Page<TechMatching>>(`/api/tech-transfer/matchings${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<TechMatching>['columns'] = [
    { title: t('techMatching.needTitle'), dataIndex: 'needTitle' },
    { title: t('techMatching.enterprise'), dataIndex: 'enterpriseName', width: 200 },
    {
      title: t('techMatching.counterpart'),
      key: 'counterpart',
      render: (_, row) => row.resultTitle ?? row.counterpartName,
    },
    { title: t('techMatching.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('techMatching.status'),
      dataIndex: 'status',
      width: 120,
      render: (value: TechMatching['status']) => (
        <Tag color={value === 'signed' ? 'green' : value === 'ended' ? 'default' : 'blue'}>
          {textIn(techMatchingWorkflow.states[value])}
        </Tag>
      ),
    },
    { title: t('techMatching.contract'), dataIndex: 'contractRegistrationNo', width: 150 },
    {
      key: 'open',
      width: 80,
      render: (_, row) => (
        <Button type="link" onClick={() => setOpenId(row.id)} data-testid={`matching-open-${row.id}`}>
          {t('techMatching.detail')}
        </Button>
      ),
    },
  ];
  return (
    <ListPage
      filters={
        <Select
          allowClear
          placeholder={t('techMatching.status')}
          value={values.status}
          style={{ width: 180 }}
          onChange={(status) => update({ status, page: 1 })}
          options={Object.entries(techMatchingWorkflow.states).map(([value, label]) => ({
            value,
            label: textIn(label),
          }))}
        />
      }
      title={t('techMatching.matchingsTitle')}
      overlays={<MatchingDrawer id={openId} onClose={() => setOpenId(null)} />}
    >
      <ListTable<TechMatching>
        query={list}
        columns={columns}
        paging={{ page, pageSize, update }}
        data-testid="matching-table"
      />
    </ListPage>
  );
}
