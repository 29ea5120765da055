import { FileTextOutlined, NotificationOutlined } from '@ant-design/icons';
import type { publicHomeSchema } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { platformName } from '../../app/dictionaries';
import { homePathOf } from '../../app/navigation';
import { PublicLayout } from '../../app/public-layout';
import { PortalCallsCard } from '../plan-calls';
import { PublicityNoticesCard } from '../projects';
import { PortalFaqCard } from '../services';

type PublicHome = ReturnType<typeof publicHomeSchema.parse>;

function Section({ title, icon, testId }: { title: string; icon: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid={testId}
      title={
        <Space>
          {icon}
          {title}
        </Space>
      }
      style={{ height: '100%' }}
    >
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
    </Card>
  );
}

export function PortalHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const home = useQuery({
    queryKey: ['public', 'home'],
    queryFn: () => api.get<PublicHome>('/api/public/home'),
  });

  const actions = user ? (
    <Link to={homePathOf(user.role)}>
      <Button type="primary">{user.displayName}</Button>
    </Link>
  ) : (
    <>
      <Link to="/login">
        <Button type="primary" data-testid="portal-login">
          {t('auth.login')}
        </Button>
      </Link>
      <Link to="/register">
        <Button data-testid="portal-register">{t('auth.register')}</Button>
      </Link>
    </>
  );

  return (
    <PublicLayout actions={actions}>
      <div
        data-testid="portal-banner"
        style={{
          background: 'linear-gradient(135deg, #0a3d8f 0%, #1456c6 60%, #2f7ae5 100%)',
          color: '#fff',
          padding: '56px 24px',
          textAlign: 'center',
        }}
      >
        <Typography.Title style={{ color: '#fff', marginTop: 0, letterSpacing: 4 }}>
          {platformName(home.data?.districtName)}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>
          {home.data?.cityName} {t('portal.bannerSubtitle')}
        </Typography.Paragraph>
        <Space size="large" style={{ marginTop: 16 }}>
          <Link to="/login">
            <Button size="large" ghost>
              {t('auth.login')}
            </Button>
          </Link>
          <Link to="/register">
            <Button size="large" type="primary" style={{ background: '#e6a23c', borderColor: '#e6a23c' }}>
              {t('auth.register')}
            </Button>
          </Link>
        </Space>
      </div>
      <div style={{ maxWidth: 1200, margin: '0 auto', padding: 24 }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Card>
              {home.isPending ? (
                <Skeleton active paragraph={false} />
              ) : (
                <Statistic
                  title={t('portal.enterpriseCount')}
                  value={home.data?.enterpriseCount ?? 0}
                  suffix={t('portal.unit')}
                  data-testid="portal-enterprise-count"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card>
              {home.isPending ? (
                <Skeleton active paragraph={false} />
              ) : (
                <Statistic
                  title={t('portal.verifiedEnterpriseCount')}
                  value={home.data?.verifiedEnterpriseCount ?? 0}
                  suffix={t('portal.unit')}
                  data-testid="portal-verified-count"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Section title={t('portal.notices')} icon={<NotificationOutlined />} testId="portal-notices" />
          </Col>
          <Col xs={24} md={12}>
            <PortalCallsCard />
          </Col>
          <Col xs={24} md={12}>
            <PublicityNoticesCard />
          </Col>
          <Col xs={24} md={12}>
            <Section title={t('portal.policies')} icon={<FileTextOutlined />} testId="portal-policies" />
          </Col>
          <Col xs={24}>
            <PortalFaqCard />
          </Col>
        </Row>
      </div>
    </PublicLayout>
  );
}
