import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, apiRequest, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { textIn } from '../cultivation/registers-shared';

interface Text {
  zh: string;
  en: string;
}
interface AssignmentView {
  id: number;
  expertName: string;
  organisationName: string;
  status: string;
  source: string;
}
interface RoundDetail {
  round: {
    id: number;
    title: string;
    mode: string;
    status: string;
    deadline: string;
    version: number;
    reviewersPerItem: number;
    loadCap: number;
    assignmentMethod: string | null;
    assignmentSeed: number | null;
  };
  items: { id: number; title: string; assignments: AssignmentView[] }[];
  progress: { assignments: number; submitted: number; pending: number; declined: number };
  allowedActions: string[];
}
interface Job {
  id: number;
  status: string;
  done: number;
  total: number;
  seed: number | null;
  result: {
    picks?: { itemTitle: string; expertName: string; reason: Text }[];
    problems?: { items: { title: string }[]; reason: Text }[];
    totalAffinity?: number;
    worstServedItem?: { title: string; reason: Text } | null;
  } | null;
}
interface Results {
  items: {
    itemId: number;
    title: string;
    rank: number | null;
    isTied: boolean;
    trimmedMean: number | null;
    mean: number | null;
    sheetCount: number;
    votes: { pass: number; fail: number };
    outliers: { reason: Text }[];
  }[];
}
interface ConflictPair {
  itemId: number;
  expertId: number;
  itemTitle: string;
  expertName: string;
  isBlocking: boolean;
  conflicts: {
    type: string;
    label: Text;
    reason: Text;
    isOverridable: boolean;
    override: { reason: string } | null;
  }[];
}

/** Active experts by name or organisation, for a manual pick. */
function ExpertPicker({ onPick }: { onPick: (expertId: number) => void }) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const options = useQuery({
    queryKey: ['reviews', 'expert-options', keyword],
    queryFn: () =>
      api.get<{ items: { id: number; name: string; organisation: { name: string } }[] }>(
        `/api/reviews/experts?status=active&pageSize=20${keyword ? `&keyword=${encodeURIComponent(keyword)}` : ''}`,
      ),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      size="small"
      style={{ width: 220 }}
      placeholder={t('reviews.addReviewer')}
      value={null}
      options={(options.data?.items ?? []).map((expert) => ({
        value: expert.id,
        label: `${expert.name}（${expert.organisation.name}）`,
      }))}
      onChange={(value: number) => onPick(value)}
    />
  );
}

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
  const results = useQuery({
    queryKey: ['reviews', 'results', id],
    queryFn: () => api.get<Results>(`/api/reviews/rounds/${id}/results`),
    enabled: tab === 'results',
  });
  const conflicts = useQuery({
    queryKey: ['reviews', 'conflicts', id],
    queryFn: () => api.get<{ pairs: ConflictPair[] }>(`/api/reviews/rounds/${id}/conflicts`),
    enabled: tab === 'conflicts' && isStaff,
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
  const [overriding, setOverriding] = useState<{ itemId: number; expertId: number; type: string } | null>(
    null,
  );
  const [overrideReason, setOverrideReason] = useState('');
  const override = useMutation({
    mutationFn: () =>
      api.post(`/api/reviews/rounds/${id}/conflict-overrides`, { ...overriding, reason: overrideReason }),
    onSuccess: () => {
      setOverriding(null);
      setOverrideReason('');
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'conflicts', id] });
    },
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
        <Card title={t('reviews.assignments')}>
          <Space wrap>
            <Select
              value={method}
              onChange={setMethod}
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
                onChange={setSeed}
                style={{ width: 180 }}
                min={0}
              />
            )}
            <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="job-start">
              {t('reviews.dryRun')}
            </Button>
            {current?.status === 'running' && (
              <Button
                onClick={() => post.mutate({ path: `/api/reviews/assignment-jobs/${current.id}/cancel` })}
              >
                {t('reviews.cancelRun')}
              </Button>
            )}
            {current?.status === 'done' && (
              <Button
                type="primary"
                data-testid="job-apply"
                onClick={() => post.mutate({ path: `/api/reviews/assignment-jobs/${current.id}/apply` })}
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
                <Table
                  rowKey="id"
                  dataSource={data.items}
                  pagination={false}
                  columns={[
                    { title: t('reviews.items'), dataIndex: 'title' },
                    {
                      title: t('reviews.assignments'),
                      render: (_, item) => (
                        <Space wrap>
                          {item.assignments.map((assignment) => (
                            <Space key={assignment.id} size={2}>
                              <Tag
                                color={
                                  assignment.status === 'submitted'
                                    ? 'green'
                                    : assignment.status === 'declined' || assignment.status === 'conflict'
                                      ? 'red'
                                      : 'blue'
                                }
                              >
                                {assignment.expertName}·{t(`reviews.expertStatus.${assignment.status}`)}
                              </Tag>
                              {isStaff && round.status !== 'finished' && (
                                <>
                                  {(assignment.status === 'declined' || assignment.status === 'conflict') && (
                                    <Button
                                      size="small"
                                      type="link"
                                      onClick={() =>
                                        post.mutate({
                                          path: `/api/reviews/assignments/${assignment.id}/replace`,
                                        })
                                      }
                                    >
                                      {t('reviews.replace')}
                                    </Button>
                                  )}
                                  {assignment.status !== 'submitted' && (
                                    <Button
                                      size="small"
                                      type="link"
                                      danger
                                      onClick={() => remove.mutate(assignment.id)}
                                    >
                                      {t('reviews.remove')}
                                    </Button>
                                  )}
                                  {round.status === 'released' &&
                                    (assignment.status === 'submitted' ||
                                      assignment.status === 'accepted') && (
                                      <Button
                                        size="small"
                                        type="link"
                                        onClick={() =>
                                          post.mutate({
                                            path: `/api/reviews/assignments/${assignment.id}/reopen`,
                                          })
                                        }
                                      >
                                        {t('reviews.reopen')}
                                      </Button>
                                    )}
                                </>
                              )}
                            </Space>
                          ))}
                          {isStaff && round.status !== 'finished' && (
                            <ExpertPicker
                              onPick={(expertId) =>
                                post.mutate({
                                  path: `/api/reviews/rounds/${id}/assignments`,
                                  body: { itemId: item.id, expertId },
                                })
                              }
                            />
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
              ),
            },
            ...(isStaff
              ? [
                  {
                    key: 'conflicts',
                    label: t('reviews.conflicts'),
                    children: (
                      <List
                        loading={conflicts.isFetching}
                        dataSource={conflicts.data?.pairs ?? []}
                        pagination={{ pageSize: 10 }}
                        renderItem={(pair) => (
                          <List.Item>
                            <List.Item.Meta
                              title={`${pair.itemTitle} ↔ ${pair.expertName}`}
                              description={pair.conflicts.map((conflict) => (
                                <div key={conflict.reason.zh}>
                                  <Tag color={conflict.override ? 'default' : 'red'}>
                                    {textIn(conflict.label)}
                                  </Tag>
                                  {textIn(conflict.reason)}
                                  {conflict.override && (
                                    <Typography.Text type="secondary">
                                      （{t('reviews.overridden', { reason: conflict.override.reason })}）
                                    </Typography.Text>
                                  )}
                                  {conflict.isOverridable &&
                                    !conflict.override &&
                                    round.status !== 'finished' && (
                                      <Button
                                        size="small"
                                        type="link"
                                        onClick={() =>
                                          setOverriding({
                                            itemId: pair.itemId,
                                            expertId: pair.expertId,
                                            type: conflict.type,
                                          })
                                        }
                                      >
                                        {t('reviews.override')}
                                      </Button>
                                    )}
                                </div>
                              ))}
                            />
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]
              : []),
            {
              key: 'results',
              label: t('reviews.results'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space>
                    <Button href={`/api/reviews/rounds/${id}/results/xlsx`} data-testid="results-xlsx">
                      {t('reviews.exportXlsx')}
                    </Button>
                    <Button href={`/api/reviews/rounds/${id}/results/docx`}>{t('reviews.exportDocx')}</Button>
                  </Space>
                  <Table
                    data-testid="results-table"
                    rowKey="itemId"
                    loading={results.isFetching}
                    dataSource={results.data?.items ?? []}
                    pagination={false}
                    columns={[
                      {
                        title: t('reviews.rank'),
                        render: (_, row) =>
                          row.rank === null
                            ? '—'
                            : `${row.rank}${row.isTied ? `（${t('reviews.tied')}）` : ''}`,
                      },
                      { title: t('reviews.items'), dataIndex: 'title' },
                      { title: t('reviews.sheets'), dataIndex: 'sheetCount' },
                      { title: t('reviews.trimmedMean'), dataIndex: 'trimmedMean' },
                      { title: t('reviews.mean'), dataIndex: 'mean' },
                      {
                        title: t('reviews.votes'),
                        render: (_, row) => `${row.votes.pass}/${row.votes.fail}`,
                      },
                      {
                        title: t('reviews.outliers'),
                        render: (_, row) => row.outliers.map((outlier) => textIn(outlier.reason)).join('；'),
                      },
                    ]}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={overriding !== null}
        title={t('reviews.override')}
        onCancel={() => setOverriding(null)}
        onOk={() => override.mutate()}
        okButtonProps={{ disabled: overrideReason.trim().length < 5 }}
        confirmLoading={override.isPending}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('reviews.overrideReason')}
          value={overrideReason}
          onChange={(event) => setOverrideReason(event.target.value)}
        />
      </Modal>
    </Space>
  );
}
