import type { ServiceEventSummary, ServiceSignup } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, QRCode, Rate, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ActionModal, useActionModal } from './action-modal';
import { AttendeesField } from './attendees-field';
import { SERVICES_URL, useEventList, useMySignups } from './use-services';

const required = (message: string) => [{ required: true, message }];

/** An enterprise's events: what it can sign up for, its sign-ups with their check-in codes, feedback and questions. */
export function EnterpriseServiceEventsPage() {
  const { t } = useTranslation();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const events = useEventList({ page, pageSize });
  const mine = useMySignups();
  const signUp = useActionModal<{ attendees: { name: string; phone: string }[] }, ServiceEventSummary>({
    submit: (values, event) => api.post(`${SERVICES_URL}/events/${event.id}/signups`, values),
    successText: t('services.signedUpDone'),
  });
  const feedback = useActionModal<{ satisfaction: number; comment?: string }, ServiceSignup>({
    submit: (values, signup) =>
      api.put(`${SERVICES_URL}/events/${signup.eventId}/feedback`, {
        satisfaction: values.satisfaction,
        comment: values.comment?.trim() || null,
      }),
    successText: t('common.saved'),
  });
  const ask = useActionModal<{ question: string }, ServiceEventSummary>({
    submit: (values, event) => api.post(`${SERVICES_URL}/events/${event.id}/questions`, values),
    successText: t('common.saved'),
  });
  const today = new Date().toISOString().slice(0, 10);

  const eventColumns: TableProps<ServiceEventSummary>['columns'] = [
    { title: t('services.eventType'), dataIndex: 'typeName', width: 110 },
    { title: t('services.title'), dataIndex: 'title' },
    {
      title: t('services.heldOn'),
      key: 'heldOn',
      width: 150,
      render: (_v, row) => `${row.heldOn} ${row.startTime}`,
    },
    { title: t('services.place'), key: 'place', render: (_v, row) => row.place ?? row.onlineLink },
    { title: t('services.placesLeft'), dataIndex: 'placesLeft', width: 90 },
    {
      key: 'actions',
      width: 190,
      render: (_v, row) => (
        <Space>
          {row.mySignupId !== null ? (
            <Tag color="green">{t('services.alreadySignedUp')}</Tag>
          ) : row.signupDeadline < today ? (
            <Tag>{t('services.closed')}</Tag>
          ) : row.placesLeft === 0 ? (
            <Tag color="red">{t('services.full')}</Tag>
          ) : (
            <Button
              type="primary"
              size="small"
              onClick={() => signUp.open(row)}
              data-testid={`sign-up-${row.id}`}
            >
              {t('services.signUp')}
            </Button>
          )}
          <Button size="small" onClick={() => ask.open(row)}>
            {t('services.ask')}
          </Button>
        </Space>
      ),
    },
  ];

  const signupColumns: TableProps<ServiceSignup>['columns'] = [
    { title: t('services.title'), dataIndex: 'eventTitle' },
    { title: t('services.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('services.attendees'),
      key: 'attendees',
      render: (_v, row) => row.attendees.map((person) => person.name).join('、'),
    },
    {
      title: t('services.code'),
      dataIndex: 'code',
      width: 220,
      render: (code: string) => (
        <Space>
          <QRCode value={code} size={72} bordered={false} />
          <strong data-testid="my-check-in-code">{code}</strong>
        </Space>
      ),
    },
    {
      title: t('services.checkedInAt'),
      dataIndex: 'checkedInAt',
      width: 160,
      render: (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN') : t('services.notCheckedIn')),
    },
    {
      title: t('services.satisfaction'),
      key: 'satisfaction',
      width: 170,
      render: (_v, row) =>
        row.satisfaction !== null ? (
          <Rate disabled value={row.satisfaction} />
        ) : (
          row.checkedInAt && (
            <Button size="small" onClick={() => feedback.open(row)}>
              {t('services.giveFeedback')}
            </Button>
          )
        ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('services.mySignups')}>
        <ListTable<ServiceSignup>
          data-testid="my-signup-table"
          columns={signupColumns}
          query={mine}
          pagination={false}
        />
      </Card>
      <Card title={t('services.availableEvents')}>
        <ListTable<ServiceEventSummary>
          data-testid="enterprise-event-table"
          columns={eventColumns}
          query={events}
          paging={{ page, pageSize, update }}
        />
      </Card>
      <ActionModal action={signUp} title={t('services.signUpTitle')} okTestId="sign-up-save" width={640}>
        <AttendeesField testId="sign-up" />
      </ActionModal>
      <ActionModal action={feedback} title={t('services.giveFeedback')}>
        <Form.Item
          name="satisfaction"
          label={t('services.satisfaction')}
          rules={required(t('services.required'))}
        >
          <Rate />
        </Form.Item>
        <Form.Item name="comment" label={t('services.feedbackComment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </ActionModal>
      <ActionModal action={ask} title={t('services.askTitle')}>
        <Form.Item name="question" label={t('services.question')} rules={required(t('services.required'))}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </ActionModal>
    </Space>
  );
}
