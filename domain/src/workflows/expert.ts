import type { WorkflowDefinition } from './definition';

export const EXPERT_STATUSES = ['pending', 'active', 'paused', 'removed'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];
export const EXPERT_ACTIONS = ['approve', 'pause', 'resume', 'remove'] as const;
export type ExpertAction = (typeof EXPERT_ACTIONS)[number];

/**
 * 专家库: staff enter an expert, a second decision approves the entry; an active expert can be paused
 * (not drawn) and resumed, and removed for good. Only active experts are drawn or assigned.
 */
export const expertWorkflow: WorkflowDefinition<ExpertStatus, ExpertAction> = {
  name: 'expert',
  initial: 'pending',
  states: {
    pending: { zh: '待审核', en: 'Pending approval' },
    active: { zh: '在库', en: 'Active' },
    paused: { zh: '暂停', en: 'Paused' },
    removed: { zh: '已出库', en: 'Removed' },
  },
  transitions: [
    {
      action: 'approve',
      from: ['pending'],
      to: 'active',
      roles: ['staff'],
      label: { zh: '审核入库', en: 'Approve' },
    },
    {
      action: 'pause',
      from: ['active'],
      to: 'paused',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '暂停', en: 'Pause' },
    },
    {
      action: 'resume',
      from: ['paused'],
      to: 'active',
      roles: ['staff'],
      label: { zh: '恢复', en: 'Resume' },
    },
    {
      action: 'remove',
      from: ['pending', 'active', 'paused'],
      to: 'removed',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '移出专家库', en: 'Remove' },
    },
  ],
};
