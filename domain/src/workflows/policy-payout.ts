import type { WorkflowDefinition } from './definition';

export const POLICY_PAYOUT_STATUSES = [
  'listed',
  'pushed',
  'accepted',
  'declined',
  'paid',
  'archived',
] as const;
export type PolicyPayoutStatus = (typeof POLICY_PAYOUT_STATUSES)[number];
export const POLICY_PAYOUT_ACTIONS = [
  'push',
  'repush',
  'accept',
  'decline',
  'return',
  'pay',
  'archive',
] as const;
export type PolicyPayoutAction = (typeof POLICY_PAYOUT_ACTIONS)[number];

/** Payouts whose 兑现时限 is running: pushed and waiting for the enterprise, or confirmed and waiting for payment. */
export const POLICY_PAYOUT_PENDING_STATUSES: readonly PolicyPayoutStatus[] = ['pushed', 'accepted'];

/**
 * 兑现 of one enterprise on a confirmed 免申即享 list: staff push it to the enterprise (the 兑现时限 of the
 * item starts, in working days), the enterprise confirms with its bank account or declines with a
 * reason; staff send a confirmation back for correction, record the payment (amount, date, voucher)
 * and archive it. A push left unanswered past its limit is pushed again, restarting the clock.
 */
export const policyPayoutWorkflow: WorkflowDefinition<PolicyPayoutStatus, PolicyPayoutAction> = {
  name: 'policy-payout',
  initial: 'listed',
  states: {
    listed: { zh: '已列入兑现名单', en: 'Listed' },
    pushed: { zh: '已推送待企业确认', en: 'Sent to the enterprise' },
    accepted: { zh: '企业已确认待拨付', en: 'Confirmed, awaiting payment' },
    declined: { zh: '企业已放弃', en: 'Declined' },
    paid: { zh: '已拨付', en: 'Paid' },
    archived: { zh: '已归档', en: 'Archived' },
  },
  transitions: [
    {
      action: 'push',
      from: ['listed'],
      to: 'pushed',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '推送企业确认', en: 'Send to the enterprise' },
    },
    {
      action: 'repush',
      from: ['pushed'],
      to: 'pushed',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '重新推送', en: 'Send again' },
    },
    {
      action: 'accept',
      from: ['pushed'],
      to: 'accepted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '确认领取', en: 'Confirm' },
    },
    {
      action: 'decline',
      from: ['pushed'],
      to: 'declined',
      roles: ['enterprise'],
      ownerOnly: true,
      requiresComment: true,
      notify: ['staff'],
      label: { zh: '放弃领取', en: 'Decline' },
    },
    {
      action: 'return',
      from: ['accepted'],
      to: 'pushed',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回更正', en: 'Return for correction' },
    },
    {
      action: 'pay',
      from: ['accepted'],
      to: 'paid',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '登记拨付', en: 'Record payment' },
    },
    {
      action: 'archive',
      from: ['paid', 'declined'],
      to: 'archived',
      roles: ['staff'],
      label: { zh: '归档', en: 'Archive' },
    },
  ],
};
