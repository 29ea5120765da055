import { Alert, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/guards';
import { HistoryTimeline } from '../../app/history-timeline';
import { EnterpriseDescriptions } from './enterprise-descriptions';
import { EnterpriseProfileForm } from './enterprise-profile-form';
import { EnterpriseStatusAlert } from './enterprise-status-alert';
import { TransitionButtons } from './transition-buttons';
import { enterpriseKey, useEnterpriseDetail } from './use-enterprise';

/** 企业信息: the enterprise keeps its own profile and resubmits it after a return. */
export function EnterpriseProfilePage() {
  const { t } = useTranslation();
  const detail = useEnterpriseDetail('mine');
  if (detail.isPending) return <PageLoading />;
  if (!detail.data) return <Result status="warning" title={t('errors.loadFailed')} />;
  const queryKey = enterpriseKey('mine');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <EnterpriseStatusAlert detail={detail.data} />
      <Card title={t('menu.profile')}>
        {detail.data.canEdit ? (
          <EnterpriseProfileForm
            detail={detail.data}
            queryKey={queryKey}
            extraActions={<TransitionButtons detail={detail.data} queryKey={queryKey} />}
          />
        ) : (
          <>
            <Alert type="info" showIcon title={t('enterprise.readOnly')} style={{ marginBottom: 16 }} />
            <EnterpriseDescriptions enterprise={detail.data.enterprise} />
            <div style={{ marginTop: 16 }}>
              <TransitionButtons detail={detail.data} queryKey={queryKey} />
            </div>
          </>
        )}
      </Card>
      <Card title={t('enterprise.history')}>
        <HistoryTimeline history={detail.data.history} />
      </Card>
    </Space>
  );
}
