import {
  type CultivationPoolDetail,
  type CultivationPoolStatus,
  cultivationPoolWorkflow,
  type PoolPrecheck,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { WorkflowActions } from '../../app/workflow-actions';
import { HistoryTimeline } from '../enterprises/history-timeline';
import { textIn } from './registers-shared';

export const POOL_KEY = ['cultivation-pool'] as const;
const STATUS_COLORS: Record<CultivationPoolStatus, string> = {
  proposed: 'blue',
  admitted: 'green',
  rejected: 'red',
  exited: 'default',
};
const LEVEL_COLORS = { qualified: 'green', close: 'orange', far: 'red' } as const;

export function PoolStatusTag({ status }: { status: CultivationPoolStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`pool-status-${status}`}>
      {textIn(cultivationPoolWorkflow.states[status])}
    </Tag>
  );
}

/** The 高企 rule pre-check behind an admission: the level and, for each condition missed, by how much. */
function PrecheckView({ precheck }: { precheck: PoolPrecheck }) {
  const { t } = useTranslation();
  if (precheck.level === null || precheck.figureYears.length === 0)
    return <Alert type="warning" showIcon title={t('registers.noFigures')} />;
  const list = (items: PoolPrecheck['missing'], testId: string) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">{t('registers.noneMissing')}</Typography.Text>
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
        {items.map((item) => (
          <li key={item.zh}>{textIn(item)}</li>
        ))}
      </ul>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="pool-precheck">
      <Space>
        <Tag color={LEVEL_COLORS[precheck.level]} data-testid={`pool-level-${precheck.level}`}>
          {t(`registers.level.${precheck.level}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('registers.precheckAsOf', { date: precheck.asOf, years: precheck.figureYears.join('、') })}
        </Typography.Text>
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('registers.missing')}>
          {list(precheck.missing, 'pool-missing')}
        </Descriptions.Item>
        <Descriptions.Item label={t('registers.toConfirm')}>
          {list(precheck.toConfirm, 'pool-confirm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('registers.measures')}>
          {list(precheck.measures, 'pool-measures')}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** One pool entry: its facts, the rule pre-check, the decisions it may take now and its history. */
export function PoolDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...POOL_KEY, 'detail', id],
    queryFn: () => api.get<CultivationPoolDetail>(`/api/cultivation/pool/${id}`),
    enabled: id !== null,
  });
  const entry = detail.data?.entry;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={entry ? `${t('registers.poolDetail')}：${entry.enterpriseName}` : t('registers.poolDetail')}
      extra={
        detail.data && (
          <WorkflowActions<CultivationPoolDetail>
            definition={cultivationPoolWorkflow}
            allowedActions={detail.data.allowedActions}
            actionUrl={(action) => `/api/cultivation/pool/${id}/actions/${action}`}
            version={detail.data.entry.version}
            dangerStates={['rejected', 'exited']}
            onDone={(result) => {
              queryClient.setQueryData([...POOL_KEY, 'detail', id], result);
              void queryClient.invalidateQueries({ queryKey: POOL_KEY });
            }}
            onConflict={() => void detail.refetch()}
          />
        )
      }
    >
      <div data-testid="pool-drawer">
        {detail.isPending || !detail.data || !entry ? (
          <Spin />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('registers.enterprise')} span={2}>
                <Link to={`/bureau/enterprises/${entry.enterpriseId}`}>{entry.enterpriseName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('enterprise.creditCode')}>{entry.creditCode}</Descriptions.Item>
              <Descriptions.Item label={t('registers.year')}>{entry.year}</Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>
                <PoolStatusTag status={entry.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.decidedAt')}>
                {entry.decidedAt ? dayjs(entry.decidedAt).format('YYYY-MM-DD HH:mm') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.reason')} span={2}>
                {entry.reason}
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.decisionOpinion')} span={2}>
                {entry.decisionOpinion ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('registers.precheck')}</Typography.Title>
              <PrecheckView precheck={detail.data.precheck} />
            </div>
            <div>
              <Typography.Title level={5}>{t('registers.history')}</Typography.Title>
              <HistoryTimeline history={detail.data.history} />
            </div>
          </Space>
        )}
      </div>
    </Drawer>
  );
}
