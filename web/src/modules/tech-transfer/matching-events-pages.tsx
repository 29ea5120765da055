import { TECH_EVENT_GUEST_KIND_LABELS, TECH_EVENT_KIND_LABELS, type TechEvent } from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, List, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { textIn } from '../../app/i18n';
import { ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import type { Page } from './matching-shared';

const LIST_KEY = ['tech-events'] as const;
type EventSummary = Omit<TechEvent, 'guests' | 'agenda' | 'needs' | 'results' | 'signups' | 'matchings'>;

function EventDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...LIST_KEY, 'detail', id],
    queryFn: () => api.get<TechEvent>(`/api/tech-transfer/events/${id}`),
    enabled: id !== null,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const attend = useMutation({
    mutationFn: (enterpriseId: number) =>
      api.post(`/api/tech-transfer/events/${id}/attendance`, { enterpriseId, attended: true }),
    onSuccess: reload,
    onError: (error) => handleApiError(error, {}),
  });
  const event = detail.data;
  const isBureau = user?.role === 'staff' || user?.role === 'leader';
  return (
    <Drawer open={id !== null} onClose={onClose} size={820} title={event?.title}>
      {event && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('techMatching.kind')}>
              {textIn(TECH_EVENT_KIND_LABELS[event.kind])}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.heldOn')}>{event.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.venue')}>{event.venue}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.organiser')}>{event.organiser}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.capacity')}>
              {event.signupCount}/{event.capacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.attended')}>{event.attendedCount}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.guests')} span={2}>
              {event.guests.map((guest) => (
                <Tag key={guest.name}>
                  {textIn(TECH_EVENT_GUEST_KIND_LABELS[guest.kind])}：{guest.name}
                  {guest.country ? `（${guest.country}）` : ''}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <List
            header={<Typography.Text strong>{t('techMatching.agenda')}</Typography.Text>}
            size="small"
            dataSource={event.agenda}
            renderItem={(item) => (
              <List.Item>
                {item.time} {item.title}
              </List.Item>
            )}
          />
          <Typography.Text strong>{t('techMatching.broughtNeeds')}</Typography.Text>
          <div>
            {event.needs.map((need) => (
              <Tag key={need.id}>{need.title}</Tag>
            ))}
          </div>
          <Typography.Text strong>{t('techMatching.broughtResults')}</Typography.Text>
          <div>
            {event.results.map((result) => (
              <Tag key={result.id}>{result.title}</Tag>
            ))}
          </div>
          {isBureau && (
            <Table
              rowKey="enterpriseId"
              size="small"
              pagination={false}
              dataSource={event.signups}
              columns={[
                { title: t('techMatching.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('techMatching.contactName'), dataIndex: 'contactName', width: 100 },
                { title: t('techMatching.attendees'), dataIndex: 'attendees', width: 90 },
                {
                  title: t('techMatching.attended'),
                  key: 'attended',
                  width: 100,
                  render: (_, row) =>
                    row.attended ? (
                      <Tag color="green">{t('techMatching.attended')}</Tag>
                    ) : user?.role === 'staff' ? (
                      <Button size="small" onClick={() => attend.mutate(row.enterpriseId)}>
                        {t('techMatching.markAttended')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
          {isBureau && (
            <List
              header={<Typography.Text strong>{t('techMatching.eventMatchings')}</Typography.Text>}
              size="small"
              dataSource={event.matchings}
              renderItem={(item) => (
                <List.Item>
                  {item.needTitle} ⇄ {item.resultTitle ?? item.counterpartName}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 对接活动: the bureau's list (sign-ups, attendance, outcomes); enterprises see them and sign up. */
export function TechEventsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: [...LIST_KEY, { page, pageSize }],
    queryFn: () =>
      api.get<Page<EventSummary>>(`/api/tech-transfer/events${toQueryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const signUp = useMutation({
    mutationFn: (eventId: number) =>
      api.post(`/api/tech-transfer/events/${eventId}/signups`, {
        contactName: user?.displayName ?? '联系人',
        contactPhone: '13800000000',
        attendees: 1,
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
    onError: (error) => handleApiError(error, {}),
  });
  const columns: TableProps<EventSummary>['columns'] = [
    { title: t('techMatching.title'), dataIndex: 'title' },
    { title: t('techMatching.heldOn'), dataIndex: 'heldOn', width: 120 },
    { title: t('techMatching.venue'), dataIndex: 'venue', width: 220 },
    {
      title: t('techMatching.signups'),
      key: 'signups',
      width: 100,
      render: (_, row) => `${row.signupCount}/${row.capacity}`,
    },
    {
      key: 'actions',
      width: 160,
      render: (_, row) => (
        <Space>
          <Button type="link" onClick={() => setOpenId(row.id)}>
            {t('techMatching.detail')}
          </Button>
          {user?.role === 'enterprise' &&
            (row.isSignedUp ? (
              <Tag color="green">{t('techMatching.signedUp')}</Tag>
            ) : row.isSignupOpen ? (
              <Button
                type="link"
                onClick={() => signUp.mutate(row.id)}
                data-testid={`event-signup-${row.id}`}
              >
                {t('techMatching.signUp')}
              </Button>
            ) : (
              <Tag>{t('techMatching.full')}</Tag>
            ))}
        </Space>
      ),
    },
  ];
  return (
    <ListPage
      title={t('techMatching.eventsTitle')}
      overlays={<EventDrawer id={openId} onClose={() => setOpenId(null)} />}
    >
      <ListTable<EventSummary>
        query={list}
        columns={columns}
        paging={{ page, pageSize, update }}
        data-testid="event-table"
      />
    </ListPage>
  );
}
