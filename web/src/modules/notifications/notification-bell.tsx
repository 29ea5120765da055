import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Dropdown, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { notificationsPathOf } from '../../app/navigation';
import { useMarkRead, useNotificationPage } from './use-notifications';

/** The header bell: unread count (polled every minute) and the latest messages. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const recent = useNotificationPage({ page: 1, pageSize: 6 }, true);
  const { markOne } = useMarkRead();
  if (!user) return null;
  const centerPath = notificationsPathOf(user.role);

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <Card
          size="small"
          title={t('header.recentNotifications')}
          extra={
            <Button type="link" size="small" onClick={() => navigate(centerPath)} data-testid="bell-view-all">
              {t('header.allNotifications')}
            </Button>
          }
          style={{ width: 360, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}
          styles={{ body: { padding: 0, maxHeight: 400, overflow: 'auto' } }}
        >
          {recent.data?.items.length ? (
            <List
              size="small"
              dataSource={recent.data.items}
              renderItem={(item) => (
                <List.Item
                  style={{
                    cursor: 'pointer',
                    paddingInline: 12,
                    background: item.isRead ? undefined : '#f0f6ff',
                  }}
                  onClick={() => {
                    if (!item.isRead) markOne.mutate(item.id);
                    navigate(item.link ?? centerPath);
                  }}
                >
                  <List.Item.Meta
                    title={
                      <Typography.Text strong={!item.isRead} ellipsis>
                        {item.title}
                      </Typography.Text>
                    }
                    description={dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('header.noNotifications')} />
          )}
        </Card>
      )}
    >
      <Button type="text" aria-label={t('menu.notifications')} data-testid="notification-bell">
        <Badge count={recent.data?.unread ?? 0} size="small" data-testid="notification-badge">
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
