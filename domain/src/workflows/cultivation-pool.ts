import type { WorkflowDefinition } from './definition';

export const CULTIVATION_POOL_STATUSES = ['proposed', 'admitted', 'rejected', 'exited'] as const;
export type CultivationPoolStatus = (typeof CULTIVATION_POOL_STATUSES)[number];
export const CULTIVATION_POOL_ACTIONS = ['admit', 'reject', 'exit'] as const;
export type CultivationPoolAction = (typeof CULTIVATION_POOL_ACTIONS)[number];

/** 高企培育库: staff propose an enterprise, then admit it (after the rule pre-check) or reject it; admitted ones may exit. */
export const cultivationPoolWorkflow: WorkflowDefinition<CultivationPoolStatus, CultivationPoolAction> = {
  name: 'cultivation-pool',
  initial: 'proposed',
  states: {
    proposed: { zh: '拟入库', en: 'Proposed' },
    admitted: { zh: '已入库', en: 'Admitted' },
    rejected: { zh: '未入库', en: 'Rejected' },
    exited: { zh: '已出库', en: 'Exited' },
  },
  transitions: [
    {
      action: 'admit',
      from: ['proposed'],
      to: 'admitted',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '纳入培育库', en: 'Admit' },
    },
    {
      action: 'reject',
      from: ['proposed'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予入库', en: 'Reject' },
    },
    {
      action: 'exit',
      from: ['admitted'],
      to: 'exited',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '移出培育库', en: 'Exit' },
    },
  ],
};
