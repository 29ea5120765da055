import {
  ACCEPTANCE_OUTCOMES,
  type PlanProjectDetail,
  planProjectWorkflow,
  translate,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { HistoryTimeline } from '../../app/history-timeline';
import { currentLanguage } from '../../app/i18n';
import { ContractTab } from './contract-tab';
import { FundsTab } from './project-funds-tab';
import { ProjectStatusActions } from './supervision/project-status-actions';
import { useProjectSupervisionTabs } from './supervision/project-supervision-tabs';
import { formatWan } from './supervision/supervision-shared';
import { STATUS_COLORS, useRefreshSupervision, useSupervisionProject } from './supervision/use-supervision';

const PLAN_KEY = ['plan-projects'] as const;

/**
 * A plan project, for staff, leaders and its enterprise: 基本信息, 任务书, 经费, then the supervision
 * tabs (执行报告, 中期检查, 变更, 验收) and 流程记录. `?tab=contract` (or any tab key) opens a tab.
 */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const projectId = Number(id);
  const { user } = useAuth();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const query = useSupervisionProject(projectId);
  const plan = useQuery({
    queryKey: [...PLAN_KEY, projectId],
    queryFn: () => api.get<PlanProjectDetail>(`/api/plan-projects/${projectId}`),
    enabled: Number.isInteger(projectId) && projectId > 0,
  });
  const refreshSupervision = useRefreshSupervision();
  /** After a supervision action: the project's status and history may have moved, so both views reload. */
  const refresh = () => {
    void refreshSupervision();
    void queryClient.invalidateQueries({ queryKey: PLAN_KEY });
  };
  /** After a contract or funds action: its answer is the new plan detail; the project's status may have moved. */
  const onPlanChange = (result?: PlanProjectDetail) => {
    if (result) queryClient.setQueryData([...PLAN_KEY, projectId], result);
    else void plan.refetch();
    void queryClient.invalidateQueries({ queryKey: PLAN_KEY });
    void refreshSupervision();
  };
  const supervisionTabs = useProjectSupervisionTabs(query.data, refresh);
  if (query.isPending) return <Spin />;
  if (query.isError || !query.data) return <Result status="404" title={t('supervision.notFound')} />;
  const detail = query.data;
  const { project } = detail;
  const base = user?.role === 'enterprise' ? '/enterprise/projects' : '/bureau/projects';
  const outcome = ACCEPTANCE_OUTCOMES.find((item) => item.code === project.acceptanceOutcome);
  const planTab = (render: (data: PlanProjectDetail) => ReactNode) =>
    plan.data ? (
      render(plan.data)
    ) : plan.isError ? (
      <Result status="404" title={t('supervision.notFound')} />
    ) : (
      <Spin />
    );
  const items = [
    {
      key: 'basics',
      label: t('supervision.tabBasics'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('supervision.projectNo')}>{project.projectNo}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.enterprise')}>
              {project.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.principal')}>
              {project.principalName}
              {detail.principalIdNumber ? `（${detail.principalIdNumber}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.approvedWan')}>
              {formatWan(project.approvedFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.period')}>
              {project.startOn} ~ {project.endOn}
              {project.extendedEndOn && (
                <Typography.Text type="warning">
                  （{t('supervision.extendedTo', { date: project.extendedEndOn })}）
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.outcome')}>
              {outcome ? translate(outcome, language) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            title={() => t('supervision.members')}
            dataSource={detail.members}
            columns={[
              { title: t('supervision.memberName'), dataIndex: 'name' },
              { title: t('supervision.memberTitle'), dataIndex: 'title' },
              { title: t('supervision.workload'), dataIndex: 'workloadMonths' },
            ]}
          />
          {detail.fundRecoveries.map((recovery) => (
            <Typography.Paragraph key={recovery.id} type="danger">
              {recovery.kind === 'terminate' ? t('supervision.refundWan') : t('supervision.recoverWan')}：
              {formatWan(recovery.amountFen)}（{recovery.reason}）
            </Typography.Paragraph>
          ))}
        </Space>
      ),
    },
    {
      key: 'contract',
      label: t('plan.contract'),
      children: planTab((data) => <ContractTab detail={data} onChange={onPlanChange} />),
    },
    {
      key: 'funds',
      label: t('plan.funds'),
      children: planTab((data) => <FundsTab detail={data} onChange={onPlanChange} />),
    },
    ...supervisionTabs,
    ...(detail.history.length > 0
      ? [
          {
            key: 'history',
            label: t('plan.history'),
            children: <HistoryTimeline history={detail.history} />,
          },
        ]
      : []),
  ];
  const requested = params.get('tab');
  const activeKey = items.some((item) => item.key === requested) ? (requested as string) : 'basics';
  return (
    <Card
      title={
        <Space>
          <Link to={base}>{t('supervision.back')}</Link>
          <span data-testid="project-title">{project.title}</span>
          <Tag color={STATUS_COLORS[project.status]} data-testid="project-status">
            {translate(planProjectWorkflow.states[project.status], language)}
          </Tag>
        </Space>
      }
      extra={user?.role === 'staff' && <ProjectStatusActions detail={detail} onChanged={refresh} />}
    >
      <Tabs
        activeKey={activeKey}
        onChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (key === 'basics') next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={items}
      />
    </Card>
  );
}
