import { Card, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../app/public-layout';
import { NoticeTag, usePublicNotices } from './public-notices';
import { wan } from './shared';

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
