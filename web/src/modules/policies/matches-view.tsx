import type { ItemMatch } from '@kechuang/domain';
import { Alert, Button, Card, Empty, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearOptions } from '../../app/year-options';
import { ApplicationModal } from './application-modal';
import { fulfilModeLabel, levelLabel, OUTCOME_COLORS, outcomeLabel, useMatches, wan } from './use-policies';

const STATUS_COLORS = { met: 'green', unmet: 'red', unknown: 'gold', document: 'blue' } as const;

function MatchCard({ match, onApply }: { match: ItemMatch; onApply?: (itemId: number) => void }) {
  const { t } = useTranslation();
  const canApply = onApply && match.fulfilMode === 'fast-application' && match.outcome !== 'ineligible';
  return (
    <Card
      size="small"
      data-testid={`match-${match.itemId}`}
      title={
        <Space wrap>
          <Tag color={OUTCOME_COLORS[match.outcome]} data-testid="match-outcome">
            {outcomeLabel(match.outcome)}
          </Tag>
          <span>{match.itemTitle}</span>
          <Tag color="blue">{fulfilModeLabel(match.fulfilMode)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {match.amountFen !== null && (
            <Typography.Text strong data-testid="match-amount">
              {t('policies.expectedAmount')}：{wan(match.amountFen)}
            </Typography.Text>
          )}
          {canApply && (
            <Button
              size="small"
              type="primary"
              onClick={() => onApply(match.itemId)}
              data-testid="match-apply"
            >
              {t('policies.apply')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('policies.policyBasis')}：{levelLabel(match.level)}《{match.policyTitle}》（{match.documentNo}）；
        {match.department} {match.contact}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={match.conditions}
        renderItem={(condition, index) => (
          <List.Item key={index}>
            <Space>
              <Tag color={STATUS_COLORS[condition.status]}>
                {condition.required ? t('policies.required') : '＋'}
              </Tag>
              <span data-testid="match-reason">{condition.text}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** "我可以享受的政策": each item in force for the year, best first, with every condition's reason. */
export function MatchesView(props: {
  enterpriseId: number | null;
  year: number;
  onYearChange: (year: number) => void;
  /** The enterprise itself may apply for 快申快享 items (staff only look). */
  canApply?: boolean;
}) {
  const { t } = useTranslation();
  const matches = useMatches(props.enterpriseId, props.year);
  const [applyingFor, setApplyingFor] = useState<number | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('policies.mineIntro')} />
      <Space>
        {t('policies.year')}
        <Select
          value={props.year}
          style={{ width: 120 }}
          onChange={props.onYearChange}
          options={yearOptions(2019)}
          data-testid="match-year"
        />
      </Space>
      {matches.isLoading ? (
        <Spin />
      ) : (matches.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('policies.noMatches')} />
      ) : (
        matches.data?.items.map((match) => (
          <MatchCard key={match.itemId} match={match} onApply={props.canApply ? setApplyingFor : undefined} />
        ))
      )}
      {props.canApply && (
        <ApplicationModal itemId={applyingFor} year={props.year} onClose={() => setApplyingFor(null)} />
      )}
    </Space>
  );
}
