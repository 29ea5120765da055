import { ReadOutlined } from '@ant-design/icons';
import type { publicPlanCallListSchema } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatTime } from './plan-shared';

type PublicCalls = ReturnType<typeof publicPlanCallListSchema.parse>;

/** The portal's 申报指南 card: published calls with their deadline and guideline document. */
export function PortalCallsCard() {
  const { t } = useTranslation();
  const calls = useQuery({
    queryKey: ['public', 'plan-calls'],
    queryFn: () => api.get<PublicCalls>('/api/public/plan-calls'),
  });
  return (
    <Card
      data-testid="portal-guides"
      title={
        <Space>
          <ReadOutlined />
          {t('portal.guides')}
        </Space>
      }
      style={{ height: '100%' }}
    >
      {calls.data && calls.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
      ) : (
        <List
          loading={calls.isPending}
          dataSource={calls.data?.items.slice(0, 8) ?? []}
          renderItem={(call) => (
            <List.Item
              data-testid={`portal-call-${call.id}`}
              extra={
                call.guidelineFile ? (
                  <a
                    href={`/api/public/plan-calls/${call.id}/guideline`}
                    data-testid={`portal-guideline-${call.id}`}
                  >
                    {t('planCalls.guidelineDownload')}
                  </a>
                ) : null
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {call.isOpen && <Tag color="green">{t('planCalls.open')}</Tag>}
                    <Typography.Text>{call.title}</Typography.Text>
                  </Space>
                }
                description={`${call.categoryName} · ${t('planCalls.closesAt')}：${formatTime(call.closesAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
