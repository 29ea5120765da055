import { SoundOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NoticeTag, usePublicNotices } from './public-notices';

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
