import {
  findTransition,
  type HistoryEntry,
  ROLE_LABELS,
  type Role,
  translate,
  WORKFLOWS,
  type WorkflowDefinition,
} from '@kechuang/domain';
import { Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';

function actionLabel(action: string, own?: WorkflowDefinition): string {
  // The record's own lifecycle first: several lifecycles share an action name (return, register).
  for (const definition of own ? [own, ...WORKFLOWS] : WORKFLOWS) {
    const transition = findTransition(definition as WorkflowDefinition, action);
    if (transition) return translate(transition.label, currentLanguage());
  }
  if (action === 'register') return currentLanguage() === 'en' ? 'Registered' : '企业注册';
  if (action === 'create') return currentLanguage() === 'en' ? 'Created' : '创建';
  if (action === 'propose') return currentLanguage() === 'en' ? 'Proposed' : '推荐入库';
  return action;
}

function roleLabel(role: string): string {
  const label = ROLE_LABELS[role as Role];
  return label ? translate(label, currentLanguage()) : role;
}

const ACTION_COLORS: Record<string, string> = {
  verify: 'green',
  return: 'red',
  revoke: 'red',
  resubmit: 'blue',
};

/** 流程记录: who did what, when, with what opinion; newest first. */
export function HistoryTimeline({
  history,
  definition,
}: {
  history: HistoryEntry[];
  /** The lifecycle the entries belong to, so its own action labels are shown. */
  definition?: WorkflowDefinition;
}) {
  const { t } = useTranslation();
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noHistory')} />;
  const entries = [...history].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Timeline
      data-testid="history-timeline"
      items={entries.map((entry) => ({
        key: entry.id,
        color: ACTION_COLORS[entry.action] ?? 'blue',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            <Typography.Text strong>{actionLabel(entry.action, definition)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('header.userWithRole', { name: entry.actorName, role: roleLabel(entry.actorRole) })}
            </Typography.Text>
            {entry.comment && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                {t('enterprise.comment')}：{entry.comment}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
