import type { WorkflowDefinition } from './definition';

export const ENTERPRISE_STATUSES = ['pending', 'verified', 'returned'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export type EnterpriseAction = 'verify' | 'return' | 'resubmit' | 'revoke';

/** An enterprise that registers itself is checked by the bureau before it may apply for anything. */
export const enterpriseVerificationWorkflow: WorkflowDefinition<EnterpriseStatus, EnterpriseAction> = {
  name: 'enterprise-verification',
  initial: 'pending',
  states: {
    pending: { zh: '待审核', en: 'Pending' },
    verified: { zh: '已认证', en: 'Verified' },
    returned: { zh: '已退回', en: 'Returned' },
  },
  transitions: [
    {
      action: 'verify',
      from: ['pending'],
      to: 'verified',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '审核通过', en: 'Verify' },
    },
    {
      action: 'return',
      from: ['pending'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回修改', en: 'Return' },
    },
    {
      action: 'resubmit',
      from: ['returned'],
      to: 'pending',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '重新提交', en: 'Resubmit' },
    },
    {
      action: 'revoke',
      from: ['verified'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '撤销认证', en: 'Revoke' },
    },
  ],
};
