import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, apiRequest, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { AssignmentJobCard } from './assignment-job-card';
import { RoundConflictsTab } from './round-conflicts-tab';
import { RoundItemsTable } from './round-items-table';
import { RoundResultsTab } from './round-results-tab';
import type { Job, RoundDetail } from './round-types';

/** One round: its items and reviewers, the dry run and apply, release, reminders, conflicts and the ranking. */
export function RoundDetailPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<'random' | 'optimal'>('random');
  const [seed, setSeed] = useState<number | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [tab, setTab] = useState('items');
  const detail = useQuery({
    queryKey: ['reviews', 'round', id],
    queryFn: () => api.get<RoundDetail>(`/api/reviews/rounds/${id}`),
  });
  const job = useQuery({
    queryKey: ['reviews', 'job', jobId],
    queryFn: () => api.get<Job>(`/api/reviews/assignment-jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 300 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reviews', 'round', id] });
  const start = useMutation({
    mutationFn: () =>
      api.post<Job>(`/api/reviews/rounds/${id}/assignment-jobs`, {
        method,
        ...(seed === null ? {} : { seed }),
      }),
    onSuccess: (started) => setJobId(started.id),
    onError: (error) => handleApiError(error),
  });
  const post = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api.post<{ assigned?: number; experts?: number }>(path, body ?? {}),
    onSuccess: (result, variables) => {
      if (variables.path.endsWith('/apply')) {
        setJobId(null);
        showSuccessMessage(t('reviews.applied', { count: result.assigned ?? 0 }));
      } else if (variables.path.endsWith('/reminders'))
        showSuccessMessage(t('reviews.reminded', { count: result.experts ?? 0 }));
      else showSuccessMessage(t('common.done'));
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'job'] });
    },
    onError: (error) => handleApiError(error, { onConflict: refresh }),
  });
  const remove = useMutation({
    mutationFn: (assignmentId: number) =>
      apiRequest(`/api/reviews/assignments/${assignmentId}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (error) => handleApiError(error),
  });
  const data = detail.data;
  if (!data) return <Card loading />;
  const round = data.round;
  const current = job.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={round.title}
        extra={
          isStaff && (
            <Space>
              {data.allowedActions.includes('release') && (
                <Button
                  type="primary"
                  data-testid="round-release"
                  onClick={() =>
                    post.mutate({
                      path: `/api/reviews/rounds/${id}/actions/release`,
                      body: { version: round.version },
                    })
                  }
                >
                  {t('reviews.release')}
                </Button>
              )}
              {round.status === 'released' && (
                <Button
                  data-testid="round-remind"
                  onClick={() => post.mutate({ path: `/api/reviews/rounds/${id}/reminders` })}
                >
                  {t('reviews.remind')}
                </Button>
              )}
              {data.allowedActions.includes('finish') && (
                <Button
                  data-testid="round-finish"
                  onClick={() =>
                    post.mutate({
                      path: `/api/reviews/rounds/${id}/actions/finish`,
                      body: { version: round.version },
                    })
                  }
                >
                  {t('reviews.finish')}
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('common.status')}>
            <Tag data-testid="round-status">{t(`reviews.roundStatus.${round.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.mode')}>{t(`reviews.modes.${round.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={t('reviews.deadline')}>
            {dayjs(round.deadline).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.reviewersPerItem')}>
            {round.reviewersPerItem}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.loadCap')}>{round.loadCap}</Descriptions.Item>
          <Descriptions.Item label={t('reviews.method')}>
            {round.assignmentMethod
              ? `${round.assignmentMethod === 'optimal' ? t('reviews.methodOptimal') : round.assignmentMethod === 'random' ? t('reviews.methodRandom') : round.assignmentMethod}${round.assignmentSeed === null ? '' : `（${t('reviews.seedValue', { seed: round.assignmentSeed })}）`}`
              : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" data-testid="round-progress">
          {t('reviews.progressSummary', {
            submitted: data.progress.submitted,
            total: data.progress.assignments,
            pending: data.progress.pending,
            declined: data.progress.declined,
          })}
        </Typography.Text>
      </Card>
      {isStaff && round.status === 'draft' && (
        <AssignmentJobCard
          method={method}
          onMethodChange={setMethod}
          seed={seed}
          onSeedChange={setSeed}
          onStart={() => start.mutate()}
          isStarting={start.isPending}
          current={current}
          post={post.mutate}
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'items',
              label: t('reviews.items'),
              children: (
                <RoundItemsTable
                  id={id}
                  data={data}
                  isStaff={isStaff}
                  post={post.mutate}
                  remove={remove.mutate}
                />
              ),
            },
            ...(isStaff
              ? [
                  {
                    key: 'conflicts',
                    label: t('reviews.conflicts'),
                    children: (
                      <RoundConflictsTab id={id} roundStatus={round.status} isActive={tab === 'conflicts'} />
                    ),
                  },
                ]
              : []),
            {
              key: 'results',
              label: t('reviews.results'),
              children: <RoundResultsTab id={id} isActive={tab === 'results'} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
