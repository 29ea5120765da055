import { ACCEPTANCE_OUTCOMES, planProjectWorkflow, translate } from '@kechuang/domain';
import { Card, Descriptions, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { currentLanguage } from '../../app/i18n';
import { HistoryTimeline } from '../enterprises/history-timeline';
import { ProjectStatusActions } from './supervision/project-status-actions';
import { useProjectSupervisionTabs } from './supervision/project-supervision-tabs';
import { formatWan } from './supervision/supervision-shared';
import { STATUS_COLORS, useRefreshSupervision, useSupervisionProject } from './supervision/use-supervision';

/** A plan project: 基本信息 and the supervision tabs; the contract and funds tabs join here on merge. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useAuth();
  const language = currentLanguage();
  const query = useSupervisionProject(Number(id));
  const refresh = useRefreshSupervision();
  const supervisionTabs = useProjectSupervisionTabs(query.data, () => void refresh());
  if (query.isPending) return <Spin />;
  if (query.isError || !query.data) return <Result status="404" title={t('supervision.notFound')} />;
  const detail = query.data;
  const { project } = detail;
  const base = user?.role === 'enterprise' ? '/enterprise/projects' : '/bureau/projects';
  const outcome = ACCEPTANCE_OUTCOMES.find((item) => item.code === project.acceptanceOutcome);
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
      extra={
        user?.role === 'staff' && <ProjectStatusActions detail={detail} onChanged={() => void refresh()} />
      }
    >
      <Tabs
        items={[
          {
            key: 'basics',
            label: t('supervision.tabBasics'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Descriptions bordered size="small" column={2}>
                  <Descriptions.Item label={t('supervision.projectNo')}>
                    {project.projectNo}
                  </Descriptions.Item>
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
                    {recovery.kind === 'terminate' ? t('supervision.refundWan') : t('supervision.recoverWan')}
                    ：{formatWan(recovery.amountFen)}（{recovery.reason}）
                  </Typography.Paragraph>
                ))}
                <HistoryTimeline history={detail.history} />
              </Space>
            ),
          },
          ...supervisionTabs,
        ]}
      />
    </Card>
  );
}
