import type { WorkflowDefinition } from './definition';

export const POLICY_APPLICATION_STATUSES = ['submitted', 'returned', 'approved', 'rejected'] as const;
export type PolicyApplicationStatus = (typeof POLICY_APPLICATION_STATUSES)[number];
export const POLICY_APPLICATION_ACTIONS = ['return', 'resubmit', 'approve', 'reject'] as const;
export type PolicyApplicationAction = (typeof POLICY_APPLICATION_ACTIONS)[number];

/**
 * 快申快享: the enterprise applies for an item with only the evidence the data cannot give; staff
 * check it formally and approve it (onto the payout list, then the same 兑现 as 免申即享), return it
 * for the evidence to be corrected, or refuse it with the reason.
 */
export const policyApplicationWorkflow: WorkflowDefinition<PolicyApplicationStatus, PolicyApplicationAction> =
  {
    name: 'policy-application',
    initial: 'submitted',
    states: {
      submitted: { zh: '已申请待审核', en: 'Submitted' },
      returned: { zh: '退回补正', en: 'Returned for correction' },
      approved: { zh: '审核通过', en: 'Approved' },
      rejected: { zh: '不予通过', en: 'Refused' },
    },
    transitions: [
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
        action: 'resubmit',
        from: ['returned'],
        to: 'submitted',
        roles: ['enterprise'],
        ownerOnly: true,
        notify: ['staff'],
        label: { zh: '补正后重新提交', en: 'Resubmit' },
      },
      {
        action: 'approve',
        from: ['submitted'],
        to: 'approved',
        roles: ['staff'],
        notify: ['owner'],
        label: { zh: '审核通过', en: 'Approve' },
      },
      {
        action: 'reject',
        from: ['submitted'],
        to: 'rejected',
        roles: ['staff'],
        requiresComment: true,
        notify: ['owner'],
        label: { zh: '不予通过', en: 'Refuse' },
      },
    ],
  };
