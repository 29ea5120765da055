import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotificationPage } from './use-notifications';

/** 消息中心: every message about the user's records, newest first. */
export function NotificationCenterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isUnreadOnly, setIsUnreadOnly] = useState(false);
  const list = useNotificationPage({ page, pageSize, unreadOnly: isUnreadOnly });
  const { markOne, markAll } = useMarkRead();

  return (
    <Card
      title={
        <Space>
          {t('notifications.title')}
          <Badge count={list.data?.unread ?? 0} />
        </Space>
      }
      extra={
        <Space>
          <Switch
            checked={isUnreadOnly}
            onChange={(checked) => {
              setIsUnreadOnly(checked);
              setPage(1);
            }}
            data-testid="unread-only"
          />
          <span>{t('notifications.unreadOnly')}</span>
          <Button
            icon={<CheckOutlined />}
            disabled={!list.data?.unread}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      }
    >
      <List
        data-testid="notification-list"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextPage);
            setPageSize(nextSize);
          },
        }}
        renderItem={(item) => (
          <List.Item
            actions={[
              item.link ? (
                <Button
                  key="open"
                  type="link"
                  size="small"
                  onClick={() => {
                    if (!item.isRead) markOne.mutate(item.id);
                    navigate(item.link ?? '');
                  }}
                >
                  {t('notifications.open')}
                </Button>
              ) : null,
              item.isRead ? null : (
                <Button key="read" type="link" size="small" onClick={() => markOne.mutate(item.id)}>
                  {t('notifications.markRead')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<Badge status={item.isRead ? 'default' : 'processing'} />}
              title={<Typography.Text strong={!item.isRead}>{item.title}</Typography.Text>}
              description={
                <>
                  <div>{item.body}</div>
                  <Typography.Text type="secondary">
                    {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
