import type {
  CertificateValidity,
  HighTechCertificate,
  TechSmeRegistration,
  TierAssignment,
} from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ValidityTag } from './registers-shared';

interface Page<T> {
  items: T[];
}

/** An enterprise's own 科技型中小企业 registrations, 高企 certificates and local tiers. */
export function EnterpriseRegistersCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const techSme = useQuery({
    queryKey: ['tech-sme-registrations', 'enterprise', enterpriseId],
    queryFn: () =>
      api.get<Page<TechSmeRegistration>>(`/api/enterprises/${enterpriseId}/tech-sme-registrations`),
  });
  const certificates = useQuery({
    queryKey: ['certificates', 'enterprise', enterpriseId],
    queryFn: () => api.get<Page<HighTechCertificate>>(`/api/enterprises/${enterpriseId}/certificates`),
  });
  const tiers = useQuery({
    queryKey: ['tiers', 'enterprise', enterpriseId],
    queryFn: () => api.get<Page<TierAssignment>>(`/api/enterprises/${enterpriseId}/tiers`),
  });
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />;
  return (
    <Card title={t('registers.myRegisters')} data-testid="enterprise-registers">
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>{t('registers.myTechSme')}</Typography.Title>
          <List
            size="small"
            loading={techSme.isPending}
            dataSource={techSme.data?.items ?? []}
            locale={{ emptyText: empty }}
            renderItem={(item) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{t('registers.yearTab', { year: item.year })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {item.registrationNumber} · {item.registeredOn}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>{t('registers.myCertificates')}</Typography.Title>
          <List
            size="small"
            loading={certificates.isPending}
            dataSource={certificates.data?.items ?? []}
            locale={{ emptyText: empty }}
            renderItem={(item) => (
              <List.Item extra={<ValidityTag validity={item.validity as CertificateValidity} />}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{item.certificateNumber}</Typography.Text>
                  <Typography.Text type="secondary">
                    {item.issuedOn} – {item.expiresOn}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>{t('registers.myTiers')}</Typography.Title>
          <List
            size="small"
            loading={tiers.isPending}
            dataSource={tiers.data?.items ?? []}
            locale={{ emptyText: empty }}
            renderItem={(item) => (
              <List.Item>
                <Space>
                  <Tag color="purple">{item.tierName}</Tag>
                  <Typography.Text type="secondary">
                    {t('registers.yearTab', { year: item.year })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
