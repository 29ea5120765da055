import type { ServiceEvent, ServiceQuestion, ServiceSignup } from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { ActionModal, useActionModal } from './action-modal';
import { AttendeesField } from './attendees-field';
import { SERVICES_KEY, SERVICES_URL, useServiceRecord } from './use-services';

/** The event at the door and afterwards: check-in by code, walk-ins, sign-ups with feedback, 答疑. */
export function ServiceEventDetailPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const id = Number(useParams().id);
  const event = useServiceRecord<ServiceEvent>('events', id);
  const queryClient = useQueryClient();
  const [checkInForm] = Form.useForm<{ code: string }>();
  const checkIn = useMutation({
    mutationFn: (code: string) => api.post<ServiceEvent>(`${SERVICES_URL}/events/${id}/check-in`, { code }),
    onSuccess: () => {
      showSuccessMessage(t('services.checkedIn'));
      checkInForm.resetFields();
      void queryClient.invalidateQueries({ queryKey: [...SERVICES_KEY] });
    },
    onError: (error) => handleApiError(error, { form: checkInForm }),
  });
  const walkIn = useActionModal<
    { organisation: string; attendees: { name: string; phone: string }[] },
    number
  >({
    submit: (values, eventId) => api.post(`${SERVICES_URL}/events/${eventId}/walk-ins`, values),
    successText: t('common.saved'),
  });
  const answer = useActionModal<{ answer: string; isFaq: boolean }, ServiceQuestion>({
    submit: (values, question) =>
      api.put(`${SERVICES_URL}/events/${id}/questions/${question.id}`, {
        answer: values.answer,
        isFaq: values.isFaq ?? false,
      }),
    successText: t('common.saved'),
    initialValues: (question) => ({ answer: question.answer ?? '', isFaq: question.isFaq }),
  });
  const data = event.data;
  if (!data) return <Card loading />;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${data.typeName}：${data.title}`}
        extra={<Link to="/bureau/services/events">{t('services.backToEvents')}</Link>}
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item
            label={t('services.heldOn')}
          >{`${data.heldOn} ${data.startTime}`}</Descriptions.Item>
          <Descriptions.Item label={t('services.place')}>{data.place ?? data.onlineLink}</Descriptions.Item>
          <Descriptions.Item label={t('services.speakers')}>{data.speakers.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('services.capacity')}>{data.capacity}</Descriptions.Item>
          <Descriptions.Item label={t('services.signedUp')}>{data.signedUp}</Descriptions.Item>
          <Descriptions.Item label={t('services.attended')}>
            <span data-testid="event-attended">{data.attended}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('services.satisfactionAverage')}>
            {data.satisfactionAverage ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.materials')}>{data.materials.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('services.topic')}>{data.topic}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('services.signups')}
        extra={
          isStaff && (
            <Space>
              <Form form={checkInForm} layout="inline" onFinish={(values) => checkIn.mutate(values.code)}>
                <Form.Item name="code" rules={[{ required: true, message: t('services.required') }]}>
                  <Input
                    placeholder={t('services.checkInPlaceholder')}
                    data-testid="check-in-code"
                    allowClear
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={checkIn.isPending}
                  data-testid="check-in-submit"
                >
                  {t('services.checkIn')}
                </Button>
              </Form>
              <Button onClick={() => walkIn.open(id)}>{t('services.walkIn')}</Button>
            </Space>
          )
        }
      >
        <Table<ServiceSignup>
          rowKey="id"
          size="small"
          data-testid="signup-table"
          dataSource={data.signups}
          pagination={false}
          columns={[
            {
              title: t('services.organisation'),
              dataIndex: 'organisation',
              render: (name: string, row) =>
                row.walkIn ? (
                  <Space>
                    {name}
                    <Tag>{t('services.walkInTag')}</Tag>
                  </Space>
                ) : (
                  name
                ),
            },
            {
              title: t('services.attendees'),
              key: 'attendees',
              render: (_v, row) => row.attendees.map((person) => person.name).join('、'),
            },
            { title: t('services.code'), dataIndex: 'code', width: 120 },
            {
              title: t('services.checkedInAt'),
              dataIndex: 'checkedInAt',
              width: 170,
              render: (at: string | null) =>
                at ? (
                  new Date(at).toLocaleString('zh-CN')
                ) : (
                  <Tag color="default">{t('services.notCheckedIn')}</Tag>
                ),
            },
            { title: t('services.satisfaction'), dataIndex: 'satisfaction', width: 90 },
            { title: t('services.feedback'), dataIndex: 'feedback' },
          ]}
        />
      </Card>
      <Card title={t('services.questions')}>
        <Table<ServiceQuestion>
          rowKey="id"
          size="small"
          dataSource={data.questions}
          pagination={false}
          columns={[
            { title: t('services.enterprise'), dataIndex: 'enterpriseName', width: 220 },
            { title: t('services.question'), dataIndex: 'question' },
            {
              title: t('services.answer'),
              dataIndex: 'answer',
              render: (text: string | null, row) =>
                text ? (
                  <Space>
                    {text}
                    {row.isFaq && <Tag color="blue">{t('services.faqTag')}</Tag>}
                  </Space>
                ) : (
                  <Tag color="orange">{t('services.noAnswer')}</Tag>
                ),
            },
            ...(isStaff
              ? [
                  {
                    key: 'answer-action',
                    width: 80,
                    render: (_v: unknown, row: ServiceQuestion) => (
                      <Button type="link" onClick={() => answer.open(row)}>
                        {t('services.answerAction')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ActionModal action={walkIn} title={t('services.walkIn')}>
        <Form.Item
          name="organisation"
          label={t('services.organisation')}
          rules={[{ required: true, message: t('services.required') }]}
        >
          <Input />
        </Form.Item>
        <AttendeesField testId="walk-in" />
      </ActionModal>
      <ActionModal action={answer} title={t('services.answer')}>
        <Form.Item
          name="answer"
          label={t('services.answer')}
          rules={[{ required: true, message: t('services.required') }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="isFaq" valuePropName="checked">
          <Checkbox>{t('services.isFaq')}</Checkbox>
        </Form.Item>
      </ActionModal>
    </Space>
  );
}
