import { QuestionCircleOutlined } from '@ant-design/icons';
import type { PublicFaqItem } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';

/** The portal's 常见问题解答: the answered questions staff published, without who asked them. */
export function PortalFaqCard() {
  const { t } = useTranslation();
  const faq = useQuery({
    queryKey: ['public', 'faq'],
    queryFn: () => api.get<{ items: PublicFaqItem[] }>('/api/public/faq?pageSize=8'),
  });
  return (
    <Card
      data-testid="portal-faq"
      title={
        <Space>
          <QuestionCircleOutlined />
          {t('services.portalFaq')}
        </Space>
      }
      style={{ height: '100%' }}
    >
      {faq.isPending ? (
        <Skeleton active />
      ) : !faq.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
      ) : (
        <Collapse
          ghost
          items={faq.data.items.map((item) => ({
            key: item.id,
            label: <span data-testid={`portal-faq-${item.id}`}>{item.title}</span>,
            children: (
              <>
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.content}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</Typography.Paragraph>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
