import { Alert, Button, Card, InputNumber, Progress, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { textIn } from '../cultivation/registers-shared';
import type { Job, Text } from './round-types';

/**
 * 分配专家 while the round is a draft: a dry run (random with an optional seed, or optimal) runs as
 * a job whose progress is polled; its picks are shown before 确认分配 applies them.
 */
export function AssignmentJobCard(props: {
  method: 'random' | 'optimal';
  onMethodChange: (method: 'random' | 'optimal') => void;
  seed: number | null;
  onSeedChange: (seed: number | null) => void;
  onStart: () => void;
  isStarting: boolean;
  current: Job | undefined;
  post: (request: { path: string }) => void;
}) {
  const { t } = useTranslation();
  const { method, seed, current, post } = props;
  return (
    <Card title={t('reviews.assignments')}>
      <Space wrap>
        <Select
          value={method}
          onChange={props.onMethodChange}
          style={{ width: 140 }}
          options={[
            { value: 'random', label: t('reviews.methodRandom') },
            { value: 'optimal', label: t('reviews.methodOptimal') },
          ]}
          data-testid="job-method"
        />
        {method === 'random' && (
          <InputNumber
            placeholder={t('reviews.seed')}
            value={seed}
            onChange={props.onSeedChange}
            style={{ width: 180 }}
            min={0}
          />
        )}
        <Button onClick={props.onStart} loading={props.isStarting} data-testid="job-start">
          {t('reviews.dryRun')}
        </Button>
        {current?.status === 'running' && (
          <Button onClick={() => post({ path: `/api/reviews/assignment-jobs/${current.id}/cancel` })}>
            {t('reviews.cancelRun')}
          </Button>
        )}
        {current?.status === 'done' && (
          <Button
            type="primary"
            data-testid="job-apply"
            onClick={() => post({ path: `/api/reviews/assignment-jobs/${current.id}/apply` })}
          >
            {t('reviews.apply')}
          </Button>
        )}
      </Space>
      {current && current.status === 'running' && (
        <Progress
          percent={current.total ? Math.round((current.done / current.total) * 100) : 0}
          format={() => t('reviews.progress', { done: current.done, total: current.total })}
        />
      )}
      {current?.status === 'infeasible' && (
        <Alert
          type="error"
          showIcon
          title={t('reviews.infeasible')}
          description={current.result?.problems?.map((problem) => (
            <div key={problem.reason.zh}>
              {problem.items.map((item) => `「${item.title}」`).join('、')}：{textIn(problem.reason)}
            </div>
          ))}
        />
      )}
      {current?.status === 'done' && current.result?.picks && (
        <div data-testid="job-result">
          <Alert
            type="info"
            showIcon
            title={t('reviews.picks', {
              count: current.result.picks.length,
              total: current.result.totalAffinity ?? 0,
            })}
            description={
              current.result.worstServedItem
                ? `${current.result.worstServedItem.title}：${textIn(current.result.worstServedItem.reason)}`
                : null
            }
          />
          <Table
            size="small"
            rowKey={(row) => `${row.itemTitle}-${row.expertName}`}
            dataSource={current.result.picks}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('reviews.items'), dataIndex: 'itemTitle' },
              { title: t('reviews.name'), dataIndex: 'expertName' },
              { title: '', dataIndex: 'reason', render: (reason: Text) => textIn(reason) },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
