import {
  type PlanProject,
  type PlanProjectDetail,
  planProjectWorkflow,
  taskContractWorkflow,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Drawer, Input, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { HistoryTimeline } from '../enterprises/history-timeline';
import { ContractTab } from './contract-tab';
import { FundsTab } from './project-funds-tab';
import { StateTag, wan } from './shared';

const KEY = ['plan-projects'] as const;
type Detail = PlanProjectDetail;

function ProjectDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...KEY, id],
    queryFn: () => api.get<Detail>(`/api/plan-projects/${id}`),
    enabled: id !== null,
  });
  const onChange = (result?: Detail) => {
    if (result) queryClient.setQueryData([...KEY, id], result);
    else void detail.refetch();
    void queryClient.invalidateQueries({ queryKey: KEY });
  };
  const project = detail.data?.project;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={960}
      title={project ? `${project.projectNo} ${project.title}` : ''}
      extra={
        project && <StateTag state={project.status} label={planProjectWorkflow.states[project.status]} />
      }
    >
      {detail.data && (
        <Tabs
          items={[
            {
              key: 'contract',
              label: t('plan.contract'),
              children: <ContractTab detail={detail.data} onChange={onChange} />,
            },
            {
              key: 'funds',
              label: t('plan.funds'),
              children: <FundsTab detail={detail.data} onChange={onChange} />,
            },
            {
              key: 'history',
              label: t('plan.history'),
              children: <HistoryTimeline history={detail.data.history} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** 科技计划项目: the bureau's list of all, an enterprise's of its own; the detail holds 任务书 and 经费. */
export function PlanProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [keyword, setKeyword] = useState('');
  const list = useQuery({
    queryKey: [...KEY, 'list', page, keyword],
    queryFn: () =>
      api.get<{ items: PlanProject[]; total: number }>(
        `/api/plan-projects${toQueryString({ page, pageSize: 20, keyword: keyword || undefined })}`,
      ),
  });
  const openId = Number(params.get('project')) || null;
  return (
    <Card
      title={t('plan.menuProjects')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('plan.title')}
          onSearch={(value) => {
            setKeyword(value);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      }
    >
      <Table<PlanProject>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        locale={{ emptyText: t('plan.noProjects') }}
        columns={[
          { title: t('plan.projectNo'), dataIndex: 'projectNo', width: 150 },
          { title: t('plan.title'), dataIndex: 'title' },
          { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('plan.approved'),
            dataIndex: 'approvedFen',
            render: (fen: number) => wan(fen),
            width: 120,
          },
          { title: t('plan.paid'), dataIndex: 'paidFen', render: (fen: number) => wan(fen), width: 120 },
          {
            title: t('plan.status'),
            dataIndex: 'status',
            width: 130,
            render: (status: PlanProject['status']) => (
              <StateTag state={status} label={planProjectWorkflow.states[status]} />
            ),
          },
          {
            title: t('plan.contract'),
            dataIndex: 'contractStatus',
            width: 150,
            render: (status: PlanProject['contractStatus']) =>
              status ? <StateTag state={status} label={taskContractWorkflow.states[status]} /> : '—',
          },
          {
            title: '',
            width: 80,
            render: (_, row) => (
              <Button
                type="link"
                onClick={() => setParams({ project: String(row.id) })}
                data-testid={`open-project-${row.id}`}
              >
                {t('plan.open')}
              </Button>
            ),
          },
        ]}
        data-testid="projects-table"
      />
      <ProjectDrawer id={openId} onClose={() => setParams({})} />
    </Card>
  );
}
