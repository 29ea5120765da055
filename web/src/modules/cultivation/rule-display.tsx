import type { RuleCondition, Text } from '@kechuang/domain';
import { Popover, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ClassificationLevel, textOf } from './use-cultivation';

const STATUS_COLORS: Record<RuleCondition['status'], string> = {
  met: 'success',
  notMet: 'error',
  unknown: 'warning',
};
const STATUS_KEYS: Record<RuleCondition['status'], string> = {
  met: 'cultivation.statusMet',
  notMet: 'cultivation.statusNotMet',
  unknown: 'cultivation.statusUnknown',
};

export function ConditionStatusTag({ status }: { status: RuleCondition['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(STATUS_KEYS[status])}
    </Tag>
  );
}

const LEVEL_COLORS: Record<ClassificationLevel, string> = { qualified: 'green', close: 'gold', far: 'red' };
export const LEVEL_KEYS: Record<ClassificationLevel, string> = {
  qualified: 'cultivation.levelQualified',
  close: 'cultivation.levelClose',
  far: 'cultivation.levelFar',
};

export function LevelTag({ level, testId }: { level: ClassificationLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level}>
      {t(LEVEL_KEYS[level])}
    </Tag>
  );
}

/** The 体检 table of one policy: 条件, 状态, 实际值, 要求, 差距. */
export function ConditionTable({ conditions, testId }: { conditions: RuleCondition[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table<RuleCondition>
      rowKey="code"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={conditions}
      scroll={{ x: 720 }}
      onRow={(row) => ({ 'data-testid': `condition-${row.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('cultivation.condition'),
          key: 'label',
          width: 220,
          render: (_v, row) => textOf(row.label),
        },
        {
          title: t('common.status'),
          key: 'status',
          width: 90,
          render: (_v, row) => <ConditionStatusTag status={row.status} />,
        },
        {
          title: t('cultivation.actual'),
          key: 'actual',
          width: 150,
          render: (_v, row) => textOf(row.actual),
        },
        {
          title: t('cultivation.required'),
          key: 'required',
          width: 150,
          render: (_v, row) => textOf(row.required),
        },
        {
          title: t('cultivation.gap'),
          key: 'gap',
          render: (_v, row) =>
            row.gap ? <Typography.Text type="danger">{textOf(row.gap.text)}</Typography.Text> : '—',
        },
      ]}
    />
  );
}

/** The first items of a list of texts, the rest behind 更多. */
export function TextList({ texts, limit = 2, testId }: { texts: Text[]; limit?: number; testId?: string }) {
  const { t } = useTranslation();
  if (texts.length === 0) return <span data-testid={testId}>—</span>;
  const shown = texts.slice(0, limit);
  return (
    <div data-testid={testId}>
      {shown.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the texts have no identity of their own
        <div key={index}>· {textOf(text)}</div>
      ))}
      {texts.length > limit && (
        <Popover
          content={
            <div style={{ maxWidth: 480 }}>
              {texts.map((text, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the texts have no identity of their own
                <div key={index}>· {textOf(text)}</div>
              ))}
            </div>
          }
        >
          <Typography.Link>
            {t('cultivation.more')} +{texts.length - limit}
          </Typography.Link>
        </Popover>
      )}
    </div>
  );
}
