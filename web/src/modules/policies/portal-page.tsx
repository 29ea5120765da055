import { POLICY_LEVELS, type PolicySummary } from '@kechuang/domain';
import { Button, Card, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { PublicLayout } from '../../app/public-layout';
import { PolicyDetail } from './policy-detail';
import {
  levelLabel,
  themeLabel,
  usePolicy,
  usePolicyList,
  VALIDITY_COLORS,
  validityLabel,
} from './use-policies';

function PortalPolicy({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation();
  const detail = usePolicy(id, { isPublic: true });
  if (!detail.data) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={onBack}>{t('policies.back')}</Button>
        <Link to="/login" data-testid="portal-can-i-get">
          <Button type="primary">{t('policies.canIGet')}</Button>
        </Link>
      </Space>
      <Typography.Title level={4}>{detail.data.title}</Typography.Title>
      <PolicyDetail policy={detail.data} />
    </Space>
  );
}

/** 政策文件 on the public portal: search by a word of the text, filter by level, each document with its items. */
export function PortalPoliciesPage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(['keyword', 'level', 'open'] as const);
  const list = usePolicyList(
    { keyword: values.keyword, level: values.level, page, pageSize },
    { isPublic: true },
  );
  return (
    <PublicLayout>
      <div style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }}>
        <Typography.Title level={3}>{t('policies.portalTitle')}</Typography.Title>
        {values.open ? (
          <PortalPolicy id={Number(values.open)} onBack={() => update({ open: undefined })} />
        ) : (
          <Card>
            <Typography.Paragraph type="secondary">{t('policies.portalIntro')}</Typography.Paragraph>
            <Space wrap style={{ marginBottom: 12 }}>
              <Input.Search
                allowClear
                defaultValue={values.keyword}
                placeholder={t('policies.keywordPlaceholder')}
                style={{ width: 420 }}
                onSearch={(keyword) => update({ keyword: keyword.trim() || undefined, page: 1 })}
                data-testid="portal-policy-search"
              />
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t('policies.level')}
                value={values.level}
                onChange={(level) => update({ level, page: 1 })}
                options={POLICY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
              />
            </Space>
            <List<PolicySummary>
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={{
                current: page,
                pageSize,
                total: list.data?.total ?? 0,
                onChange: (next) => update({ page: next }),
              }}
              data-testid="portal-policy-list"
              renderItem={(policy) => (
                <List.Item key={policy.id}>
                  <List.Item.Meta
                    title={
                      <Button type="link" style={{ padding: 0 }} onClick={() => update({ open: policy.id })}>
                        {policy.title}
                      </Button>
                    }
                    description={`${policy.issuer} ${policy.documentNo} · ${levelLabel(policy.level)} · ${themeLabel(policy.theme)} · ${policy.publishedOn}`}
                  />
                  <Tag color={VALIDITY_COLORS[policy.validity]}>{validityLabel(policy.validity)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        )}
      </div>
    </PublicLayout>
  );
}
