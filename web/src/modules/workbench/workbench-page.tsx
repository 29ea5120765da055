import { BellOutlined, RightOutlined } from '@ant-design/icons';
import type { Workbench } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { notificationsPathOf } from '../../app/navigation';
import { EnterpriseStatusAlert, useEnterpriseDetail } from '../enterprises';

export const WORKBENCH_KEY = ['workbench'] as const;

function EnterpriseStatusSection() {
  const detail = useEnterpriseDetail('mine');
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (!detail.data) return null;
  return <EnterpriseStatusAlert detail={detail.data} />;
}

/** 工作台: the home page of every role — its status, 待办 with counts, key figures, unread messages. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const workbench = useQuery({
    queryKey: WORKBENCH_KEY,
    queryFn: () => api.get<Workbench>('/api/workbench'),
  });
  if (!user) return null;
  const data = workbench.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="workbench">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workbench.welcome', { name: user.displayName })}
      </Typography.Title>
      {user.role === 'enterprise' && <EnterpriseStatusSection />}
      <Card title={t('workbench.todos')}>
        {workbench.isPending ? (
          <Skeleton active />
        ) : user.role === 'expert' && !data?.todos.length ? (
          <Empty description={t('workbench.noReviewTasks')} data-testid="no-review-tasks" />
        ) : data?.todos.length ? (
          <Row gutter={[16, 16]}>
            {data.todos.map((todo) => (
              <Col key={todo.key} xs={24} sm={12} lg={6}>
                <Link to={todo.link} data-testid={`todo-${todo.key}`}>
                  <Card hoverable size="small">
                    <Statistic
                      title={todo.title}
                      value={todo.count}
                      styles={{ content: { color: todo.count > 0 ? '#1456c6' : undefined } }}
                      suffix={<RightOutlined style={{ fontSize: 12 }} />}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTodos')} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {data?.figures.map((figure) => (
          <Col key={figure.key} xs={24} sm={12} lg={6}>
            <Card size="small">
              <Statistic
                title={figure.title}
                value={figure.value}
                suffix={figure.unit}
                data-testid={`figure-${figure.key}`}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Link to={notificationsPathOf(user.role)}>
            <Card size="small" hoverable>
              <Statistic
                title={t('workbench.unread')}
                value={data?.unreadNotifications ?? 0}
                prefix={<BellOutlined />}
                loading={workbench.isPending}
              />
            </Card>
          </Link>
        </Col>
      </Row>
    </Space>
  );
}
