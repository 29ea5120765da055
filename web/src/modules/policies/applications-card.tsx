import {
  type PolicyApplication,
  type PolicyApplicationPage,
  policyApplicationWorkflow,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { WorkflowActions } from '../../app/workflow-actions';
import { POLICIES_KEY, POLICIES_URL, wan } from './use-policies';

type Row = PolicyApplicationPage['items'][number];

/** 快申快享审核: the applications of an item and year with their evidence; staff approve, return or refuse. */
export function ApplicationsCard(props: { itemId: number | undefined; year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = { itemId: props.itemId, year: props.year, pageSize: 200 };
  const list = useQuery({
    queryKey: [...POLICIES_KEY, 'applications', query],
    queryFn: () => api.get<PolicyApplicationPage>(`${POLICIES_URL}/applications${toQueryString(query)}`),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
  const columns: TableProps<Row>['columns'] = [
    { title: t('policies.enterprise'), dataIndex: 'enterpriseName', width: 220 },
    { title: t('policies.itemTitle'), dataIndex: 'itemTitle', width: 180 },
    { title: t('policies.submittedOn'), dataIndex: 'submittedOn', width: 110 },
    { title: t('policies.expectedAmount'), dataIndex: 'amountFen', width: 110, render: wan },
    {
      title: t('policies.materials'),
      dataIndex: 'materials',
      render: (materials: Row['materials']) =>
        materials.map((material) => `${material.document ?? ''}：${material.text}`).join('；'),
    },
    {
      title: t('policies.payoutStatus'),
      dataIndex: 'statusLabel',
      width: 120,
      render: (label) => <Tag>{label}</Tag>,
    },
    {
      title: '',
      key: 'actions',
      width: 260,
      render: (_, row) => (
        <WorkflowActions<PolicyApplication>
          definition={policyApplicationWorkflow}
          allowedActions={row.allowedActions}
          actionUrl={(action) => `${POLICIES_URL}/applications/${row.id}/actions/${action}`}
          version={row.version}
          onDone={reload}
          onConflict={reload}
          dangerStates={['rejected']}
        />
      ),
    },
  ];
  if ((list.data?.total ?? 0) === 0) return null;
  return (
    <Card title={t('policies.applicationsTitle')} data-testid="policy-applications">
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
      />
    </Card>
  );
}
