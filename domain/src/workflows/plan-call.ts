import type { WorkflowDefinition } from './definition';

export const PLAN_CALL_STATUSES = ['draft', 'published', 'closed'] as const;
export type PlanCallStatus = (typeof PLAN_CALL_STATUSES)[number];
export const PLAN_CALL_ACTIONS = ['publish', 'close'] as const;
export type PlanCallAction = (typeof PLAN_CALL_ACTIONS)[number];

/**
 * 申报通知: drafted by staff, published to enterprises and the portal, closed when the bureau ends
 * it. Applications are accepted only between its open and close times while it is published.
 */
export const planCallWorkflow: WorkflowDefinition<PlanCallStatus, PlanCallAction> = {
  name: 'plan-call',
  initial: 'draft',
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
    closed: { zh: '已结束', en: 'Closed' },
  },
  transitions: [
    {
      action: 'publish',
      from: ['draft'],
      to: 'published',
      roles: ['staff'],
      label: { zh: '发布', en: 'Publish' },
    },
    {
      action: 'close',
      from: ['published'],
      to: 'closed',
      roles: ['staff'],
      label: { zh: '结束申报', en: 'Close' },
    },
  ],
};
