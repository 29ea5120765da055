import { Button, Card, Drawer, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { PageLoading } from '../../app/guards';
import { useEnterpriseDetail } from '../enterprises';
import { CheckupView, FillFiguresButton } from './checkup-view';
import { EnterpriseRegistersCard } from './enterprise-registers-card';
import { FiguresForm } from './figures-form';

/** 科创体检 of the signed-in enterprise. */
export function EnterpriseCheckupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useEnterpriseDetail('mine');
  if (detail.isPending) return <PageLoading />;
  if (!detail.data) return <Result status="warning" title={t('errors.loadFailed')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CheckupView
        enterpriseId={detail.data.enterprise.id}
        fillAction={<FillFiguresButton onClick={() => navigate('/enterprise/figures')} />}
      />
      <EnterpriseRegistersCard enterpriseId={detail.data.enterprise.id} />
    </Space>
  );
}

/** 年度数据: the enterprise files its yearly figures and watches its score as it types. */
export function EnterpriseFiguresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useEnterpriseDetail('mine');
  if (detail.isPending) return <PageLoading />;
  if (!detail.data) return <Result status="warning" title={t('errors.loadFailed')} />;
  return (
    <Card
      title={t('menu.figures')}
      extra={
        <Button onClick={() => navigate('/enterprise/checkup')} data-testid="figures-to-checkup">
          {t('menu.checkup')}
        </Button>
      }
    >
      <FiguresForm enterpriseId={detail.data.enterprise.id} registeredOn={detail.data.enterprise.foundedOn} />
    </Card>
  );
}

/** Staff's (and the leader's) 科创体检 of any enterprise; staff correct the figures in a drawer. */
export function BureauCheckupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const id = Number(useParams().id);
  const detail = useEnterpriseDetail(id);
  const [isEditing, setIsEditing] = useState(false);
  const canEdit = user?.role === 'staff';
  if (detail.isPending) return <PageLoading />;
  if (!detail.data) {
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        extra={<Button onClick={() => navigate('/bureau/enterprises')}>{t('common.back')}</Button>}
      />
    );
  }
  return (
    <>
      <CheckupView
        enterpriseId={id}
        fillAction={
          canEdit ? (
            <Button type="primary" onClick={() => setIsEditing(true)} data-testid="checkup-fill">
              {t('cultivation.editFigures')}
            </Button>
          ) : undefined
        }
        extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      />
      <div style={{ marginTop: 16 }}>
        <EnterpriseRegistersCard enterpriseId={id} />
      </div>
      <Drawer
        open={isEditing}
        onClose={() => setIsEditing(false)}
        title={`${detail.data.enterprise.name} · ${t('cultivation.editFigures')}`}
        size={1200}
        destroyOnHidden
      >
        <FiguresForm enterpriseId={id} registeredOn={detail.data.enterprise.foundedOn} />
      </Drawer>
    </>
  );
}
