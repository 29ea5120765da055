import {
  type AmountRule,
  describeAmount,
  describeCondition,
  type Policy,
  type PolicyCondition,
} from '@kechuang/domain';
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fulfilModeLabel,
  itemTypeLabel,
  levelLabel,
  themeLabel,
  VALIDITY_COLORS,
  validityLabel,
} from './use-policies';

/** One policy as the official header block, its items in plain words, the full text and the 解读. */
export function PolicyDetail({
  policy,
  itemActions,
}: {
  policy: Policy;
  /** What the bureau can open from each item (its 通知与响应). */
  itemActions?: (item: Policy['items'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="policy-detail">
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('policies.indexNo')}>{policy.indexNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('policies.theme')}>{themeLabel(policy.theme)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.issuer')}>{policy.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('policies.documentNo')}>{policy.documentNo}</Descriptions.Item>
        <Descriptions.Item label={t('policies.writtenOn')}>{policy.writtenOn}</Descriptions.Item>
        <Descriptions.Item label={t('policies.publishedOn')}>{policy.publishedOn}</Descriptions.Item>
        <Descriptions.Item label={t('policies.effectiveFrom')}>{policy.effectiveFrom}</Descriptions.Item>
        <Descriptions.Item label={t('policies.effectiveTo')}>{policy.effectiveTo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('policies.level')}>{levelLabel(policy.level)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.validity')}>
          <Tag color={VALIDITY_COLORS[policy.validity]} data-testid="policy-validity">
            {validityLabel(policy.validity)}
          </Tag>
          {policy.supersededBy && `${t('policies.supersededBy')}：${policy.supersededBy.documentNo}`}
        </Descriptions.Item>
        {policy.supersedes && (
          <Descriptions.Item label={t('policies.supersedes')} span={2}>
            《{policy.supersedes.title}》（{policy.supersedes.documentNo}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('policies.items')}>
        {policy.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.noItems')} />
        ) : (
          <List
            dataSource={policy.items}
            renderItem={(item) => (
              <List.Item
                key={item.id}
                data-testid={`policy-item-${item.id}`}
                actions={itemActions ? [itemActions(item)] : undefined}
              >
                <Descriptions
                  size="small"
                  column={1}
                  title={
                    <Space>
                      <Tag>{itemTypeLabel(item.type)}</Tag>
                      {item.title}
                      <Tag color="blue">{fulfilModeLabel(item.fulfilMode)}</Tag>
                    </Space>
                  }
                >
                  <Descriptions.Item label={t('policies.beneficiaries')}>
                    {item.beneficiaries}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.conditions')}>
                    {item.conditions
                      .map((condition) => describeCondition(condition as PolicyCondition))
                      .join('；') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.amount')}>
                    {describeAmount(item.amount as AmountRule)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('policies.department')}>
                    {item.department} {item.contact}
                  </Descriptions.Item>
                </Descriptions>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('policies.fullText')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{policy.fullText}</Typography.Paragraph>
      </Card>
      {policy.interpretation && (
        <Card size="small" title={t('policies.interpretation')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {policy.interpretation}
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
