import type { WorkflowDefinition } from './definition';

export const POLICY_STATUSES = ['draft', 'published', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_ACTIONS = ['publish', 'repeal'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/**
 * 政策文件 in the library: entered as a draft, published (then on the portal, in matching and in the
 * 《政策指引》), and 废止 — by a newer version or on its own, with the reason. 有效/失效 follows the 有效期.
 */
export const policyWorkflow: WorkflowDefinition<PolicyStatus, PolicyAction> = {
  name: 'policy',
  initial: 'draft',
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
    repealed: { zh: '已废止', en: 'Repealed' },
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
      action: 'repeal',
      from: ['published'],
      to: 'repealed',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '废止', en: 'Repeal' },
    },
  ],
};
