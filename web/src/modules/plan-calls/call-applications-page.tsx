import {
  type ApplicationDetail,
  type ApplicationPage,
  type ApplicationSummary,
  type PlanCall,
  PROJECT_APPLICATION_STATUSES,
  projectApplicationWorkflow,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { ListTable } from '../../app/list-page/list-table';
import { HistoryTimeline } from '../enterprises/history-timeline';
import { ApplicationContentView } from './application-view';
import { ApplicationStatusTag, formatTime, formatWanYuan, textIn, wanToFen } from './plan-shared';

const KEY = ['plan', 'applications'] as const;
/** Actions of the formal check, sending to expert review and the recommendation tier, in the order the drawer shows them. */
const DESK_ACTIONS = [
  'passCheck',
  'startReview',
  'returnForCorrection',
  'reject',
  'recommend',
  'recordGranted',
  'recordNotGranted',
];

interface ChecklistRow {
  item: string;
  passed: boolean;
  note: string;
}

function FormalCheckDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [checklist, setChecklist] = useState<ChecklistRow[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment?: string; grantedWan?: number }>();
  const detail = useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: async () => {
      const result = await api.get<ApplicationDetail>(`/api/plan/applications/${id}`);
      setChecklist(result.call.checklist.map((item) => ({ item, passed: true, note: '' })));
      return result;
    },
    enabled: id !== null,
  });
  const act = useMutation({
    mutationFn: ({
      action,
      comment,
      grantedWan,
    }: {
      action: string;
      comment?: string;
      grantedWan?: number;
    }) =>
      api.post<ApplicationDetail>(`/api/plan/applications/${id}/actions/${action}`, {
        version: detail.data!.application.version,
        comment,
        ...(['passCheck', 'returnForCorrection', 'reject'].includes(action) ? { checklist } : {}),
        ...(action === 'recordGranted' ? { grantedFen: wanToFen(grantedWan) } : {}),
      }),
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      setPending(null);
      form.resetFields();
      queryClient.setQueryData([...KEY, 'detail', id], result);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void detail.refetch() }),
  });
  const data = detail.data;
  const actions = (data?.allowedActions ?? []).filter((action) => DESK_ACTIONS.includes(action));
  const needsForm = (action: string) =>
    action === 'recordGranted' ||
    projectApplicationWorkflow.transitions.find((item) => item.action === action)?.requiresComment;
  const canCheck = user?.role === 'staff' && data?.application.status === 'submitted';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={900}
      title={data?.application.title || t('planCalls.application')}
    >
      {!data ? (
        <Spin />
      ) : (
        <Space
          orientation="vertical"
          size="large"
          style={{ width: '100%' }}
          data-testid="formal-check-drawer"
        >
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('planCalls.applicationNo')}>
              {data.application.applicationNo ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <ApplicationStatusTag status={data.application.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('planCalls.enterprise')}>
              {data.application.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('planCalls.submittedAt')}>
              {formatTime(data.application.submittedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planCalls.decisionNote')} span={2}>
              {data.application.decisionNote ?? '—'}
            </Descriptions.Item>
            {data.application.upstreamGrantedFen !== null && (
              <Descriptions.Item label={t('planCalls.upstreamGranted')} span={2}>
                {formatWanYuan(data.application.upstreamGrantedFen)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <a href={`/api/plan/applications/${data.application.id}/document`}>{t('planCalls.downloadWord')}</a>
          {canCheck && (
            <Card size="small" title={t('planCalls.checklist')} data-testid="formal-checklist">
              {checklist.length === 0 && (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              )}
              {checklist.map((row, index) => (
                <Space key={row.item} style={{ display: 'flex', marginBottom: 8 }}>
                  <Checkbox
                    checked={row.passed}
                    data-testid={`checklist-${index}`}
                    onChange={(event) =>
                      setChecklist(
                        checklist.map((item, at) =>
                          at === index ? { ...item, passed: event.target.checked } : item,
                        ),
                      )
                    }
                  >
                    {row.item}
                  </Checkbox>
                  <Input
                    size="small"
                    placeholder={t('planCalls.checklistNote')}
                    value={row.note}
                    onChange={(event) =>
                      setChecklist(
                        checklist.map((item, at) =>
                          at === index ? { ...item, note: event.target.value } : item,
                        ),
                      )
                    }
                  />
                </Space>
              ))}
            </Card>
          )}
          {user?.role === 'staff' && actions.length > 0 && (
            <Space wrap>
              {actions.map((action) => {
                const transition = projectApplicationWorkflow.transitions.find(
                  (item) => item.action === action,
                )!;
                return (
                  <Button
                    key={action}
                    danger={['reject', 'recordNotGranted'].includes(action)}
                    type={action === 'passCheck' ? 'primary' : 'default'}
                    data-testid={`action-${action}`}
                    loading={act.isPending && pending === action}
                    onClick={() => (needsForm(action) ? setPending(action) : act.mutate({ action }))}
                  >
                    {textIn(transition.label)}
                  </Button>
                );
              })}
            </Space>
          )}
          {data.formalChecks.length > 0 && (
            <Card size="small" title={t('planCalls.formalChecks')}>
              {data.formalChecks.map((check) => (
                <div key={check.id} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>
                    {formatTime(check.createdAt)} · {check.checkedBy} ·{' '}
                    {textIn(
                      projectApplicationWorkflow.transitions.find((item) => item.action === check.action)!
                        .label,
                    )}
                  </Typography.Text>
                  <div>
                    {check.results
                      .map(
                        (result) =>
                          `${result.passed ? '✓' : '✗'} ${result.item}${result.note ? `（${result.note}）` : ''}`,
                      )
                      .join('；')}
                  </div>
                  {check.comment && <div>{check.comment}</div>}
                </div>
              ))}
            </Card>
          )}
          <ApplicationContentView detail={data} />
          <div>
            <Typography.Title level={5}>{t('planCalls.history')}</Typography.Title>
            <HistoryTimeline history={data.history} />
          </div>
        </Space>
      )}
      <Modal
        open={pending !== null && needsForm(pending) === true}
        title={
          pending
            ? textIn(projectApplicationWorkflow.transitions.find((item) => item.action === pending)!.label)
            : ''
        }
        onCancel={() => setPending(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        okButtonProps={{ 'data-testid': 'action-confirm' } as Record<`data-${string}`, string>}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => pending && act.mutate({ action: pending, ...values })}
        >
          {pending === 'recordGranted' ? (
            <Form.Item
              name="grantedWan"
              label={t('planCalls.upstreamGrantedWan')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="granted-amount" />
            </Form.Item>
          ) : (
            <Form.Item name="comment" label={t('planCalls.opinion')} rules={[{ required: true }]}>
              <Input.TextArea rows={4} data-testid="action-comment" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

/** The applications of one call: counts per status, the queue, and the formal-check drawer. */
export function CallApplicationsPage() {
  const { t } = useTranslation();
  const callId = Number(useParams().id);
  const [status, setStatus] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const call = useQuery({
    queryKey: ['plan', 'calls', 'detail', callId],
    queryFn: () => api.get<PlanCall>(`/api/plan/calls/${callId}`),
  });
  const list = useQuery({
    queryKey: [...KEY, callId, status, page],
    queryFn: () =>
      api.get<ApplicationPage>(
        `/api/plan/applications?callId=${callId}&page=${page}&pageSize=20${status === 'all' ? '' : `&status=${status}`}`,
      ),
  });
  const counts = list.data?.statusCounts ?? {};
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  return (
    <Card title={call.data?.title ?? t('planCalls.applications')}>
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key);
          setPage(1);
        }}
        items={[
          { key: 'all', label: `${t('common.all')} (${total})` },
          ...PROJECT_APPLICATION_STATUSES.filter((key) => counts[key]).map((key) => ({
            key,
            label: (
              <span
                data-testid={`count-${key}`}
              >{`${textIn(projectApplicationWorkflow.states[key])} (${counts[key]})`}</span>
            ),
          })),
        ]}
      />
      <ListTable<ApplicationSummary>
        query={list}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('planCalls.applicationNo'),
            dataIndex: 'applicationNo',
            render: (value) => value ?? '—',
          },
          {
            title: t('planCalls.projectTitle'),
            dataIndex: 'title',
            render: (value, row) => <span data-testid={`application-row-${row.id}`}>{value || '—'}</span>,
          },
          { title: t('planCalls.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('planCalls.principal'),
            render: (_, row) => `${row.principalName ?? ''} ${row.principalIdNumber ?? ''}`,
          },
          { title: t('planCalls.requested'), dataIndex: 'requestedFen', render: formatWanYuan },
          { title: t('planCalls.submittedAt'), dataIndex: 'submittedAt', render: formatTime },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (value) => <ApplicationStatusTag status={value} />,
          },
        ]}
      />
      <FormalCheckDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
