import type { WorkflowDefinition } from './definition';

export const PLATFORM_STATUSES = ['operating', 'warned', 'revoked', 'delisted'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];
export const PLATFORM_ACTIONS = ['upgrade', 'warn', 'clear-warning', 'revoke', 'delist'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** States in which a platform counts as in force (a 警告 platform keeps its qualification). */
export const PLATFORM_IN_FORCE_STATUSES: readonly PlatformStatus[] = ['operating', 'warned'];

/**
 * 科创平台: recognised and 在运行; a 绩效评价 or an inspection may give it a 警告 (lifted when it
 * improves), the approving body may 撤销 its qualification, or it is 摘牌 (closed, merged, given up).
 * An upgrade (市 → 省 → 国家) keeps the record and its state and adds a line to its level history.
 */
export const platformWorkflow: WorkflowDefinition<PlatformStatus, PlatformAction> = {
  name: 'platform',
  initial: 'operating',
  states: {
    operating: { zh: '在运行', en: 'Operating' },
    warned: { zh: '警告', en: 'Warned' },
    revoked: { zh: '撤销', en: 'Revoked' },
    delisted: { zh: '摘牌', en: 'Delisted' },
  },
  transitions: [
    {
      action: 'upgrade',
      from: ['operating', 'warned'],
      to: 'operating',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '升级', en: 'Upgrade' },
    },
    {
      action: 'warn',
      from: ['operating'],
      to: 'warned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '警告', en: 'Warn' },
    },
    {
      action: 'clear-warning',
      from: ['warned'],
      to: 'operating',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '解除警告', en: 'Lift the warning' },
    },
    {
      action: 'revoke',
      from: ['operating', 'warned'],
      to: 'revoked',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '撤销', en: 'Revoke' },
    },
    {
      action: 'delist',
      from: ['operating', 'warned'],
      to: 'delisted',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '摘牌', en: 'Delist' },
    },
  ],
};
