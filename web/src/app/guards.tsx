import { type Audience, ROLE_AUDIENCE, type Role } from '@kechuang/domain';
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';
import { homePathOf } from './navigation';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip={t('common.loading')} size="large">
        <div style={{ minHeight: 80 }} />
      </Spin>
    </div>
  );
}

/** Lets in only users of one audience (back office, enterprise portal…); sends others home. */
export function RequireAudience({ audience, children }: { audience: Audience; children: ReactNode }) {
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (user.mustEnrolSecondFactor) return <Navigate to="/account/second-factor" replace />;
  if (ROLE_AUDIENCE[user.role] !== audience) return <Navigate to={homePathOf(user.role)} replace />;
  return children;
}

export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useTranslation();
  if (!user || !roles.includes(user.role)) {
    return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  }
  return children;
}
