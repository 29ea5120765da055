import { PlusOutlined } from '@ant-design/icons';
import { DEFAULT_RUBRIC, REVIEW_MODES } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';

interface RoundRow {
  id: number;
  title: string;
  mode: string;
  status: string;
  deadline: string;
  items: number;
}

interface RoundFormValues {
  title: string;
  callId: number;
  mode: string;
  reviewersPerItem: number;
  loadCap: number;
  deadline: Dayjs;
}

/** 专家评审: the rounds, and a new one over a call's applications under review. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isCreating, setIsCreating] = useState(false);
  const [form] = Form.useForm<RoundFormValues>();
  const rounds = useQuery({
    queryKey: ['reviews', 'rounds'],
    queryFn: () => api.get<{ items: RoundRow[] }>('/api/reviews/rounds'),
  });
  const calls = useQuery({
    queryKey: ['reviews', 'calls'],
    queryFn: () =>
      api.get<{ items: { id: number; title: string; underReview: number }[] }>('/api/reviews/calls'),
    enabled: isCreating,
  });
  const create = useMutation({
    mutationFn: (values: RoundFormValues) =>
      api.post<{ round: { id: number } }>('/api/reviews/rounds', {
        title: values.title,
        callId: values.callId,
        mode: values.mode,
        rubric: DEFAULT_RUBRIC,
        reviewersPerItem: values.reviewersPerItem,
        loadCap: values.loadCap,
        deadline: values.deadline.toISOString(),
        commentBelow: 60,
      }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'rounds'] });
      navigate(`/bureau/reviews/rounds/${result.round.id}`);
    },
    onError: (error) => handleApiError(error, { form }),
  });
  return (
    <Card
      title={t('reviews.rounds')}
      extra={
        user?.role === 'staff' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="round-new"
          >
            {t('reviews.newRound')}
          </Button>
        )
      }
    >
      <Table<RoundRow>
        rowKey="id"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('reviews.rounds'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/bureau/reviews/rounds/${row.id}`}>{title}</Link>,
          },
          {
            title: t('reviews.mode'),
            dataIndex: 'mode',
            render: (mode: string) => t(`reviews.modes.${mode}`),
          },
          { title: t('reviews.items'), dataIndex: 'items' },
          {
            title: t('reviews.deadline'),
            dataIndex: 'deadline',
            render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag>{t(`reviews.roundStatus.${status}`)}</Tag>,
          },
        ]}
      />
      <Modal
        open={isCreating}
        title={t('reviews.newRound')}
        onCancel={() => setIsCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'round-create' } as Record<`data-${string}`, string>}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            mode: 'online',
            reviewersPerItem: 5,
            loadCap: 8,
            deadline: dayjs().add(10, 'day'),
          }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item name="title" label={t('reviews.rounds')} rules={[{ required: true }]}>
            <Input data-testid="round-title" />
          </Form.Item>
          <Form.Item name="callId" label={t('reviews.call')} rules={[{ required: true }]}>
            <Select
              data-testid="round-call"
              loading={calls.isFetching}
              options={(calls.data?.items ?? []).map((call) => ({
                value: call.id,
                label: t('reviews.callOption', { title: call.title, count: call.underReview }),
              }))}
            />
          </Form.Item>
          <Form.Item name="mode" label={t('reviews.mode')}>
            <Select
              options={REVIEW_MODES.map((mode) => ({ value: mode, label: t(`reviews.modes.${mode}`) }))}
            />
          </Form.Item>
          <Form.Item name="reviewersPerItem" label={t('reviews.reviewersPerItem')}>
            <InputNumber min={1} max={15} />
          </Form.Item>
          <Form.Item name="loadCap" label={t('reviews.loadCap')}>
            <InputNumber min={1} max={200} />
          </Form.Item>
          <Form.Item name="deadline" label={t('reviews.deadline')}>
            <DatePicker showTime />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
