import {
  type ApprovalApplication,
  type ApprovalBulkAction,
  type ApprovalCall,
  type ApprovalCallDetail,
  type PublicityNoticeDetail,
  projectApplicationWorkflow,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { StateTag, wan, wanToFen } from './shared';

const KEY = ['plan-approval'] as const;

/** 立项: a call's reviewed applications by rank, amounts to propose, the budget used, and bulk actions. */
export function ApprovalPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const calls = useQuery({
    queryKey: [...KEY, 'calls'],
    queryFn: () => api.get<{ items: ApprovalCall[] }>('/api/plan-approval/calls'),
  });
  const callId = Number(params.get('call')) || calls.data?.items[0]?.id || null;
  const detail = useQuery({
    queryKey: [...KEY, 'call', callId],
    queryFn: () => api.get<ApprovalCallDetail>(`/api/plan-approval/calls/${callId}`),
    enabled: callId !== null,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const [amounts, setAmounts] = useState<Record<number, number | null>>({});
  const [commentAction, setCommentAction] = useState<ApprovalBulkAction | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const applications = detail.data?.applications ?? [];
  const selectedRows = applications.filter((row) => selected.includes(row.id));
  const amountOf = (row: ApprovalApplication) =>
    amounts[row.id] !== undefined
      ? amounts[row.id]
      : row.approvedFen === null
        ? row.requestedFen / 1_000_000
        : row.approvedFen / 1_000_000;
  const selectedFen = selectedRows.reduce((sum, row) => sum + wanToFen(amountOf(row) ?? 0), 0);
  const canDo = (action: string) =>
    selectedRows.length > 0 && selectedRows.every((row) => row.allowedActions.includes(action));

  const refresh = (result?: ApprovalCallDetail) => {
    if (result) queryClient.setQueryData([...KEY, 'call', callId], result);
    void queryClient.invalidateQueries({ queryKey: KEY });
    setSelected([]);
  };

  const bulk = useMutation({
    mutationFn: ({ action, comment }: { action: ApprovalBulkAction; comment?: string }) =>
      api.post<ApprovalCallDetail>(`/api/plan-approval/calls/${callId}/actions/${action}`, {
        items: selectedRows.map((row) => ({
          applicationId: row.id,
          version: row.version,
          ...(action === 'propose' ? { approvedFen: wanToFen(amountOf(row) ?? 0) } : {}),
        })),
        comment: comment || undefined,
      }),
    onSuccess: (result) => {
      setCommentAction(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
      refresh(result);
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => refresh() }),
  });

  const publicity = useMutation({
    mutationFn: () =>
      api.post<PublicityNoticeDetail>(`/api/plan-approval/calls/${callId}/publicity`, {
        items: selectedRows.map((row) => ({ applicationId: row.id, version: row.version })),
      }),
    onSuccess: (notice) => {
      showSuccessMessage(t('common.done'));
      refresh();
      navigate(`/bureau/projects/publicity?notice=${notice.id}`);
    },
    onError: (error) => handleApiError(error, { onConflict: () => refresh() }),
  });

  const call = detail.data?.call;
  const budget = call?.budgetFen ?? null;
  const columns = [
    { title: t('plan.rank'), dataIndex: 'reviewRank', width: 70 },
    { title: t('plan.score'), dataIndex: 'reviewScore', width: 90 },
    { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('plan.title'), dataIndex: 'title' },
    {
      title: t('plan.requested'),
      dataIndex: 'requestedFen',
      width: 120,
      render: (fen: number) => wan(fen),
    },
    {
      title: t('plan.approved'),
      width: 150,
      render: (_: unknown, row: ApprovalApplication) =>
        row.allowedActions.includes('propose') ? (
          <InputNumber
            min={0}
            step={10}
            precision={2}
            value={amountOf(row)}
            onChange={(value) => setAmounts((current) => ({ ...current, [row.id]: value }))}
            data-testid={`amount-${row.id}`}
            style={{ width: 130 }}
          />
        ) : (
          wan(row.approvedFen)
        ),
    },
    {
      title: t('plan.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: ApprovalApplication['status']) => (
        <StateTag state={status} label={projectApplicationWorkflow.states[status]} />
      ),
    },
    { title: t('plan.decisionNote'), dataIndex: 'decisionNote', ellipsis: true },
  ];

  if (calls.data && calls.data.items.length === 0) return <Empty description={t('plan.noCalls')} />;
  const isLeader = user?.role === 'leader';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Space wrap>
          <Typography.Text>{t('plan.calls')}</Typography.Text>
          <Select
            style={{ minWidth: 420 }}
            value={callId ?? undefined}
            onChange={(value) => {
              setParams({ call: String(value) });
              setSelected([]);
              setAmounts({});
            }}
            options={(calls.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.title}（${Object.entries(item.counts)
                .map(
                  ([status, count]) =>
                    `${projectApplicationWorkflow.states[status as 'reviewed']?.zh ?? status} ${count}`,
                )
                .join('，')}）`,
            }))}
            data-testid="approval-call"
          />
        </Space>
      </Card>
      {call && (
        <Row gutter={16}>
          <Col span={6}>
            <Card>
              <Statistic
                title={t('plan.budget')}
                value={budget === null ? t('plan.noBudget') : wan(budget)}
                suffix={budget === null ? undefined : t('plan.wanUnit')}
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic
                title={t('plan.used')}
                value={wan(call.usedFen)}
                suffix={t('plan.wanUnit')}
                data-testid="approval-used"
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic
                title={t('plan.remaining')}
                value={budget === null ? '—' : wan(budget - call.usedFen)}
                suffix={budget === null ? undefined : t('plan.wanUnit')}
                valueStyle={budget !== null && budget - call.usedFen < 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title={t('plan.approved')} value={wan(selectedFen)} suffix={t('plan.wanUnit')} />
            </Card>
          </Col>
        </Row>
      )}
      <Card
        title={call?.title}
        extra={
          <Space wrap>
            {!isLeader && (
              <>
                <Button
                  type="primary"
                  disabled={!canDo('propose')}
                  loading={bulk.isPending}
                  onClick={() => {
                    if (selectedRows.some((row) => !amountOf(row))) {
                      handleApiError(new Error(t('plan.amountRequired')));
                      return;
                    }
                    bulk.mutate({ action: 'propose' });
                  }}
                  data-testid="bulk-propose"
                >
                  {t('plan.propose')}
                </Button>
                <Button
                  danger
                  disabled={!canDo('decline')}
                  onClick={() => setCommentAction('decline')}
                  data-testid="bulk-decline"
                >
                  {t('plan.decline')}
                </Button>
                <Button
                  disabled={!canDo('startPublicity')}
                  loading={publicity.isPending}
                  onClick={() => publicity.mutate()}
                  data-testid="bulk-publicity"
                >
                  {t('plan.startPublicity')}
                </Button>
              </>
            )}
            {isLeader && (
              <>
                <Button
                  type="primary"
                  disabled={!canDo('approve')}
                  loading={bulk.isPending}
                  onClick={() => bulk.mutate({ action: 'approve' })}
                  data-testid="bulk-approve"
                >
                  {t('plan.approve')}
                </Button>
                <Button
                  disabled={!canDo('sendBack')}
                  onClick={() => setCommentAction('sendBack')}
                  data-testid="bulk-sendBack"
                >
                  {t('plan.sendBack')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {selectedRows.length > 0 && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            title={t('plan.selected', { count: selectedRows.length, amount: wan(selectedFen) })}
          />
        )}
        <Table<ApprovalApplication>
          rowKey="id"
          size="middle"
          loading={detail.isFetching}
          dataSource={applications}
          pagination={false}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (row) => ({ disabled: row.allowedActions.length === 0 }),
          }}
          columns={columns}
          data-testid="approval-table"
        />
      </Card>
      <Modal
        open={commentAction !== null}
        title={commentAction ? t(`plan.${commentAction}`) : ''}
        onCancel={() => setCommentAction(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: bulk.isPending, 'data-testid': 'bulk-comment-ok' }}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            commentAction && bulk.mutate({ action: commentAction, comment: values.comment })
          }
        >
          <Form.Item
            name="comment"
            label={t('plan.reason')}
            rules={[{ required: true, message: t('plan.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="bulk-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
