import { SoundOutlined } from '@ant-design/icons';
import type { PublicNotice } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { PublicLayout } from '../../app/public-layout';
import { wan } from './shared';

function usePublicNotices() {
  return useQuery({
    queryKey: ['public', 'publicity-notices'],
    queryFn: () => api.get<{ items: PublicNotice[] }>('/api/public/publicity-notices'),
  });
}

function NoticeTag({ notice }: { notice: PublicNotice }) {
  const { t } = useTranslation();
  return notice.isCurrent ? <Tag color="purple">{t('plan.current')}</Tag> : <Tag>{t('plan.ended')}</Tag>;
}

/** The portal home's 公示公告 card: the latest notices, linking to the full page. */
export function PublicityNoticesCard() {
  const { t } = useTranslation();
  const notices = usePublicNotices();
  return (
    <Card
      data-testid="portal-publicity"
      title={
        <Space>
          <SoundOutlined />
          {t('portal.publicity')}
        </Space>
      }
      extra={<Link to="/publicity">{t('plan.open')}</Link>}
      style={{ height: '100%' }}
    >
      {(notices.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.portalEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={notices.data?.items.slice(0, 5) ?? []}
          renderItem={(notice) => (
            <List.Item extra={<NoticeTag notice={notice} />}>
              <Link to={`/publicity#notice-${notice.id}`}>{notice.title}</Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 立项公示 on the public portal: current and past notices with projects, enterprises and amounts. */
export function PublicityPortalPage() {
  const { t } = useTranslation();
  const notices = usePublicNotices();
  return (
    <PublicLayout>
      <div style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }}>
        <Typography.Title level={3}>{t('plan.portalTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('plan.portalIntro')}</Typography.Paragraph>
        {(notices.data?.items.length ?? 0) === 0 && <Empty description={t('plan.portalEmpty')} />}
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          {(notices.data?.items ?? []).map((notice) => (
            <Card
              key={notice.id}
              id={`notice-${notice.id}`}
              title={notice.title}
              extra={
                <Space>
                  <span>
                    {t('plan.period')}：{notice.startOn} ~ {notice.endOn}
                  </span>
                  <NoticeTag notice={notice} />
                </Space>
              }
              data-testid={`public-notice-${notice.id}`}
            >
              <Table
                size="small"
                rowKey="applicationId"
                pagination={false}
                dataSource={notice.items}
                columns={[
                  { title: '#', render: (_, __, index) => index + 1, width: 50 },
                  { title: t('plan.title'), dataIndex: 'title' },
                  { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
                  { title: t('plan.approved'), dataIndex: 'approvedFen', render: (fen: number) => wan(fen) },
                ]}
              />
            </Card>
          ))}
        </Space>
      </div>
    </PublicLayout>
  );
}
