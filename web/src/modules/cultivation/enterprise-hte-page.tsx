import { type HteApplication, hteApplicationWorkflow, translate } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { HteApplicationDrawer, HteSteps } from './hte-application-drawer';

/** The enterprise's own 高企 applications: where each stands and what it can do now. */
export function EnterpriseHtePage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const applications = useQuery({
    queryKey: ['hte', 'mine'],
    queryFn: () => api.get<{ items: HteApplication[] }>('/api/cultivation/hte-applications'),
  });
  const language = currentLanguage();
  const items = applications.data?.items ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {items.length === 0 && !applications.isPending && (
        <Card>
          <Empty description={t('hte.noneForEnterprise')} />
        </Card>
      )}
      {items.map((item) => (
        <Card
          key={item.id}
          title={`${item.year}年 ${item.batchName}`}
          extra={<Tag color="blue">{translate(hteApplicationWorkflow.states[item.status], language)}</Tag>}
          hoverable
          onClick={() => setOpen(item.id)}
          data-testid={`my-hte-${item.id}`}
        >
          <HteSteps status={item.status} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('hte.team')}：{item.helpers.map((helper) => helper.displayName).join('、') || t('hte.noTeam')}
          </Typography.Paragraph>
        </Card>
      ))}
      <HteApplicationDrawer applicationId={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
