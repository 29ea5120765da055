import { DEFAULT_RUBRIC, REVIEW_MODES } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';

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
  const rounds = useQuery({
    queryKey: ['reviews', 'rounds'],
    queryFn: () => api.get<{ items: RoundRow[] }>('/api/reviews/rounds'),
  });
  const round = useRecordForm<RoundRow, RoundFormValues, { round: { id: number } }>({
    url: '/api/reviews/rounds',
    invalidateKey: ['reviews', 'rounds'],
    toBody: (values) => ({
      title: values.title,
      callId: values.callId,
      mode: values.mode,
      rubric: DEFAULT_RUBRIC,
      reviewersPerItem: values.reviewersPerItem,
      loadCap: values.loadCap,
      deadline: values.deadline.toISOString(),
      commentBelow: 60,
    }),
    toFormValues: () => ({
      mode: 'online',
      reviewersPerItem: 5,
      loadCap: 8,
      deadline: dayjs().add(10, 'day'),
    }),
    // The new round's page is the outcome.
    successText: null,
    onSaved: (result) => navigate(`/bureau/reviews/rounds/${result.round.id}`),
  });
  const calls = useQuery({
    queryKey: ['reviews', 'calls'],
    queryFn: () =>
      api.get<{ items: { id: number; title: string; underReview: number }[] }>('/api/reviews/calls'),
    enabled: round.editing !== null,
  });
  return (
    <Card
      title={t('reviews.rounds')}
      extra={
        user?.role === 'staff' && (
          <AddButton label={t('reviews.newRound')} onClick={() => round.open('new')} testId="round-new" />
        )
      }
    >
      <ListTable<RoundRow>
        query={rounds}
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
      <FormModal
        recordForm={round}
        title={t('reviews.newRound')}
        okText={t('common.confirm')}
        okTestId="round-create"
      >
        <Form.Item name="title" label={t('reviews.rounds')} rules={[{ required: true }]}>
          <Input data-testid="round-title" />
        </Form.Item>
        <Form.Item name="callId" label={t('reviews.call')} rules={[{ required: true }]}>
          <Select
            data-testid="round-call"
            showSearch
            optionFilterProp="label"
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
      </FormModal>
    </Card>
  );
}
