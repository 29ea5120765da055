import type { WorkflowDefinition } from './definition';

export const POLICY_STATUSES = ['draft', 'submitted', 'returned', 'published', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_ACTIONS = ['submit', 'return', 'publish', 'repeal'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** States in which a document is not yet public: not on the portal, in matching or in the 《政策指引》. */
export const POLICY_UNPUBLISHED_STATUSES: readonly PolicyStatus[] = ['draft', 'submitted', 'returned'];

/**
 * 政策文件 in the library: entered as a draft, submitted for review, then published by another staff
 * member (then on the portal, in matching and in the 《政策指引》) or returned with the reason for
 * correction; 废止 — by a newer version or on its own, with the reason. 有效/失效 follows the 有效期.
 */
export const policyWorkflow: WorkflowDefinition<PolicyStatus, PolicyAction> = {
  name: 'policy',
  initial: 'draft',
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Awaiting review' },
    returned: { zh: '退回修改', en: 'Returned' },
    published: { zh: '已发布', en: 'Published' },
    repealed: { zh: '已废止', en: 'Repealed' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['staff'],
      notify: ['staff'],
      label: { zh: '提交审核', en: 'Submit for review' },
    },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '退回修改', en: 'Return' },
    },
    {
      action: 'publish',
      from: ['submitted'],
      to: 'published',
      roles: ['staff'],
      label: { zh: '审核发布', en: 'Approve and publish' },
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
