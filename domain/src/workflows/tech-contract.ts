import type { WorkflowDefinition } from './definition';

export const TECH_CONTRACT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'registered',
  'refused',
  'cancelled',
] as const;
export type TechContractStatus = (typeof TECH_CONTRACT_STATUSES)[number];
export const TECH_CONTRACT_ACTIONS = [
  'submit',
  'return',
  'resubmit',
  'register',
  'refuse',
  'amend',
  'cancel',
] as const;
export type TechContractAction = (typeof TECH_CONTRACT_ACTIONS)[number];

/** Contracts waiting for the 登记员, whose time limit is running. */
export const TECH_CONTRACT_PENDING_STATUSES: readonly TechContractStatus[] = ['submitted', 'resubmitted'];

/**
 * 技术合同认定登记: the seller files the contract; the 登记员 returns it for 补正 (the time limit
 * restarts when it comes back), registers it with a 合同登记编号 or refuses it (不予登记) with the
 * reason. A registered contract can be changed (变更登记, it stays registered) or cancelled (注销登记).
 */
export const techContractWorkflow: WorkflowDefinition<TechContractStatus, TechContractAction> = {
  name: 'tech-contract',
  initial: 'draft',
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '已提交待登记', en: 'Submitted' },
    returned: { zh: '退回补正', en: 'Returned for correction' },
    resubmitted: { zh: '补正后重新提交', en: 'Resubmitted' },
    registered: { zh: '已登记', en: 'Registered' },
    refused: { zh: '不予登记', en: 'Refused' },
    cancelled: { zh: '已注销', en: 'Cancelled' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['draft'],
      to: 'submitted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '提交登记', en: 'Submit' },
    },
    {
      action: 'return',
      from: ['submitted', 'resubmitted'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回补正', en: 'Return for correction' },
    },
    {
      action: 'resubmit',
      from: ['returned'],
      to: 'resubmitted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '补正后重新提交', en: 'Resubmit' },
    },
    {
      action: 'register',
      from: ['submitted', 'resubmitted'],
      to: 'registered',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '认定登记', en: 'Register' },
    },
    {
      action: 'refuse',
      from: ['submitted', 'resubmitted'],
      to: 'refused',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予登记', en: 'Refuse' },
    },
    {
      action: 'amend',
      from: ['registered'],
      to: 'registered',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '变更登记', en: 'Change registration' },
    },
    {
      action: 'cancel',
      from: ['registered'],
      to: 'cancelled',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '注销登记', en: 'Cancel registration' },
    },
  ],
};
