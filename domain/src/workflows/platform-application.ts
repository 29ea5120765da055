import type { WorkflowDefinition } from './definition';

export const PLATFORM_APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'notRecommended',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type PlatformApplicationStatus = (typeof PLATFORM_APPLICATION_STATUSES)[number];
export const PLATFORM_APPLICATION_ACTIONS = [
  'submit',
  'return',
  'recommend',
  'decline',
  'approve',
  'reject',
  'withdraw',
] as const;
export type PlatformApplicationAction = (typeof PLATFORM_APPLICATION_ACTIONS)[number];

/**
 * 平台认定（升级）推荐申请: an enterprise applies to be recommended for a type × level (a new
 * platform, or a higher level for one it hosts). The bureau reviews it (退回补正 / 推荐 / 不予推荐),
 * recommends it upward, and records what the higher authority decided; an approval puts the
 * platform on the register or raises its level.
 */
export const platformApplicationWorkflow: WorkflowDefinition<
  PlatformApplicationStatus,
  PlatformApplicationAction
> = {
  name: 'platform-application',
  initial: 'draft',
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Submitted' },
    returned: { zh: '退回补正', en: 'Returned for correction' },
    recommended: { zh: '已推荐上报', en: 'Recommended' },
    notRecommended: { zh: '不予推荐', en: 'Not recommended' },
    approved: { zh: '上级已认定', en: 'Approved' },
    rejected: { zh: '上级未认定', en: 'Not approved' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '提交', en: 'Submit' },
    },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回补正', en: 'Return for correction' },
    },
    {
      action: 'recommend',
      from: ['submitted'],
      to: 'recommended',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '推荐上报', en: 'Recommend' },
    },
    {
      action: 'decline',
      from: ['submitted'],
      to: 'notRecommended',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予推荐', en: 'Do not recommend' },
    },
    {
      action: 'approve',
      from: ['recommended'],
      to: 'approved',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '登记认定结果', en: 'Record the approval' },
    },
    {
      action: 'reject',
      from: ['recommended'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '登记未获认定', en: 'Record the refusal' },
    },
    {
      action: 'withdraw',
      from: ['draft', 'submitted', 'returned'],
      to: 'withdrawn',
      roles: ['enterprise'],
      ownerOnly: true,
      requiresComment: true,
      notify: ['staff'],
      label: { zh: '撤回申请', en: 'Withdraw' },
    },
  ],
};
