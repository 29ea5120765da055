import type { ItemNotices, PolicyNoticeEvent, PolicyNoticeResponse } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { POLICIES_KEY, POLICIES_URL } from './use-policies';

const EVENT_LABELS: Record<PolicyNoticeEvent, string> = {
  'new-match': 'policies.noticeEventNewMatch',
  'window-open': 'policies.noticeEventWindowOpen',
  'closing-soon': 'policies.noticeEventClosingSoon',
};
const EVENT_COLORS: Record<PolicyNoticeEvent, string> = {
  'new-match': 'blue',
  'window-open': 'green',
  'closing-soon': 'orange',
};
const RESPONSE_LABELS: Record<PolicyNoticeResponse, string> = {
  'payout-confirmed': 'policies.responsePayoutConfirmed',
  'application-submitted': 'policies.responseApplicationSubmitted',
};

/** "通知与响应" of one item: who was told (new policy, window open, closing soon), when, and who acted. */
export function ItemNoticesDrawer(props: {
  item: { id: number; title: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const itemId = props.item?.id ?? null;
  const notices = useQuery({
    queryKey: [...POLICIES_KEY, 'item-notices', itemId],
    queryFn: () => api.get<ItemNotices>(`${POLICIES_URL}/items/${itemId}/notices`),
    enabled: itemId !== null,
  });
  const data = notices.data;
  return (
    <Drawer
      open={props.item !== null}
      onClose={props.onClose}
      size={900}
      title={t('policies.noticesTitle', { title: props.item?.title ?? '' })}
      data-testid="item-notices-drawer"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('policies.noticesWindow')}>
            {data?.windowFrom ?? '—'} ~ {data?.windowTo ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <Space size="large" wrap data-testid="item-notices-counts">
          <Statistic title={t('policies.noticesNotified')} value={data?.counts.notified ?? 0} />
          <Statistic title={t('policies.noticeEventNewMatch')} value={data?.counts.newMatch ?? 0} />
          <Statistic title={t('policies.noticeEventWindowOpen')} value={data?.counts.windowOpen ?? 0} />
          <Statistic title={t('policies.noticeEventClosingSoon')} value={data?.counts.closingSoon ?? 0} />
          <Statistic title={t('policies.noticesActed')} value={data?.counts.acted ?? 0} />
        </Space>
        <Table<ItemNotices['items'][number]>
          rowKey="enterpriseId"
          size="small"
          loading={notices.isFetching}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('policies.enterprise'), dataIndex: 'enterpriseName' },
            {
              title: t('policies.noticesEvents'),
              key: 'notices',
              render: (_, row) => (
                <Space orientation="vertical" size={2}>
                  {row.notices.map((notice) => (
                    <span key={`${notice.event}-${notice.notifiedAt}`}>
                      <Tag color={EVENT_COLORS[notice.event]}>{t(EVENT_LABELS[notice.event])}</Tag>
                      {dayjs(notice.notifiedAt).format('YYYY-MM-DD HH:mm')}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('policies.noticesResponse'),
              key: 'response',
              width: 200,
              render: (_, row) =>
                row.response ? (
                  <Tag color="green">
                    {t(RESPONSE_LABELS[row.response])} {row.respondedOn}
                  </Tag>
                ) : (
                  <Tag>{t('policies.responseNone')}</Tag>
                ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
