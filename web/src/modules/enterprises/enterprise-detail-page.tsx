import { EditOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../app/guards';
import { HistoryTimeline } from '../../app/history-timeline';
import { TalentsCard } from '../talent';
import { EnterpriseDescriptions } from './enterprise-descriptions';
import { EnterpriseProfileForm } from './enterprise-profile-form';
import { EnterpriseStatusTag } from './enterprise-status';
import { TransitionButtons } from './transition-buttons';
import { enterpriseKey, useEnterpriseDetail } from './use-enterprise';

export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useEnterpriseDetail(id);
  const [isEditing, setIsEditing] = useState(false);

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
  const { enterprise } = detail.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Text strong data-testid="enterprise-detail-name">
              {enterprise.name}
            </Typography.Text>
            <EnterpriseStatusTag status={enterprise.status} />
          </Space>
        }
        extra={
          <Space>
            <TransitionButtons detail={detail.data} queryKey={enterpriseKey(id)} />
            {detail.data.canEdit && !isEditing && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setIsEditing(true)}
                data-testid="enterprise-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            <Button
              icon={<ExperimentOutlined />}
              onClick={() => navigate(`/bureau/enterprises/${id}/checkup`)}
              data-testid="enterprise-checkup"
            >
              {t('menu.checkup')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
          </Space>
        }
      >
        {isEditing ? (
          <EnterpriseProfileForm
            detail={detail.data}
            queryKey={enterpriseKey(id)}
            onSaved={() => setIsEditing(false)}
            extraActions={<Button onClick={() => setIsEditing(false)}>{t('common.cancel')}</Button>}
          />
        ) : (
          <EnterpriseDescriptions enterprise={enterprise} />
        )}
      </Card>
      <TalentsCard enterpriseId={enterprise.id} />
      <Card title={t('enterprise.history')}>
        <HistoryTimeline history={detail.data.history} />
      </Card>
    </Space>
  );
}
