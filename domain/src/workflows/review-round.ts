import type { WorkflowDefinition } from './definition';

export const REVIEW_ROUND_STATUSES = ['draft', 'released', 'finished'] as const;
export type ReviewRoundStatus = (typeof REVIEW_ROUND_STATUSES)[number];
export const REVIEW_ROUND_ACTIONS = ['release', 'finish'] as const;
export type ReviewRoundAction = (typeof REVIEW_ROUND_ACTIONS)[number];

/**
 * 评审轮次: staff build the round and its assignment while it is a draft (experts see nothing), release
 * it to the experts, and finish it, which ranks the items and writes the result back to them.
 */
export const reviewRoundWorkflow: WorkflowDefinition<ReviewRoundStatus, ReviewRoundAction> = {
  name: 'review-round',
  initial: 'draft',
  states: {
    draft: { zh: '组织中', en: 'Being prepared' },
    released: { zh: '评审中', en: 'Released to experts' },
    finished: { zh: '已完成', en: 'Finished' },
  },
  transitions: [
    {
      action: 'release',
      from: ['draft'],
      to: 'released',
      roles: ['staff'],
      label: { zh: '发布给专家', en: 'Release to experts' },
    },
    {
      action: 'finish',
      from: ['released'],
      to: 'finished',
      roles: ['staff'],
      label: { zh: '结束评审并排名', en: 'Finish and rank' },
    },
  ],
};
