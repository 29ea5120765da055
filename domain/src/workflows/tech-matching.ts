import type { WorkflowDefinition } from './definition';

/** A technology need or result as it is moderated before the portal shows it. */
export const TECH_LISTING_STATUSES = ['pending', 'published', 'rejected', 'closed'] as const;
export type TechListingStatus = (typeof TECH_LISTING_STATUSES)[number];
export const TECH_LISTING_ACTIONS = ['publish', 'reject', 'resubmit', 'close'] as const;
export type TechListingAction = (typeof TECH_LISTING_ACTIONS)[number];

const LISTING_STATES: WorkflowDefinition<TechListingStatus>['states'] = {
  pending: { zh: '待审核', en: 'Pending review' },
  published: { zh: '已发布', en: 'Published' },
  rejected: { zh: '已退回', en: 'Rejected' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/**
 * 技术需求: the enterprise posts it, the bureau publishes it or sends it back with the reason; the
 * enterprise corrects and resubmits a rejected need, and closes it when it is met.
 */
export const techNeedWorkflow: WorkflowDefinition<TechListingStatus, TechListingAction> = {
  name: 'tech-need',
  initial: 'pending',
  states: LISTING_STATES,
  transitions: [
    {
      action: 'publish',
      from: ['pending'],
      to: 'published',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '审核发布', en: 'Publish' },
    },
    {
      action: 'reject',
      from: ['pending'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回', en: 'Reject' },
    },
    {
      action: 'resubmit',
      from: ['rejected'],
      to: 'pending',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '修改后重新提交', en: 'Resubmit' },
    },
    {
      action: 'close',
      from: ['published'],
      to: 'closed',
      roles: ['enterprise', 'staff'],
      ownerOnly: true,
      label: { zh: '关闭', en: 'Close' },
    },
  ],
};

/**
 * 科技成果: staff post it for an institution (高校、科研院所), an expert posts their own; the bureau
 * moderates it the same way as a need. Owner: the posting expert, or the bureau for an institution's.
 */
export const techResultWorkflow: WorkflowDefinition<TechListingStatus, TechListingAction> = {
  name: 'tech-result',
  initial: 'pending',
  states: LISTING_STATES,
  transitions: [
    {
      action: 'publish',
      from: ['pending'],
      to: 'published',
      roles: ['staff'],
      label: { zh: '审核发布', en: 'Publish' },
    },
    {
      action: 'reject',
      from: ['pending'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '退回', en: 'Reject' },
    },
    {
      action: 'resubmit',
      from: ['rejected'],
      to: 'pending',
      roles: ['staff', 'expert'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '修改后重新提交', en: 'Resubmit' },
    },
    {
      action: 'close',
      from: ['published'],
      to: 'closed',
      roles: ['staff', 'expert'],
      ownerOnly: true,
      label: { zh: '下架', en: 'Close' },
    },
  ],
};

export const TECH_MATCHING_STATUSES = ['introduced', 'met', 'agreement', 'signed', 'ended'] as const;
export type TechMatchingStatus = (typeof TECH_MATCHING_STATUSES)[number];
export const TECH_MATCHING_ACTIONS = ['meet', 'agree', 'sign', 'end'] as const;
export type TechMatchingAction = (typeof TECH_MATCHING_ACTIONS)[number];

/**
 * 对接记录: the bureau introduces a need to a result or an expert, records the meeting, the
 * agreement reached and the contract signed (linked to the registered 技术合同 when it comes), or
 * ends it with the reason. An 产学研 signing counts in statistics only through the registered contract.
 */
export const techMatchingWorkflow: WorkflowDefinition<TechMatchingStatus, TechMatchingAction> = {
  name: 'tech-matching',
  initial: 'introduced',
  states: {
    introduced: { zh: '已推荐对接', en: 'Introduced' },
    met: { zh: '已洽谈', en: 'Met' },
    agreement: { zh: '达成合作意向', en: 'Agreement reached' },
    signed: { zh: '已签订合同', en: 'Contract signed' },
    ended: { zh: '已终止', en: 'Ended' },
  },
  transitions: [
    {
      action: 'meet',
      from: ['introduced'],
      to: 'met',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '记录洽谈', en: 'Record the meeting' },
    },
    {
      action: 'agree',
      from: ['met'],
      to: 'agreement',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '达成意向', en: 'Record the agreement' },
    },
    {
      action: 'sign',
      from: ['agreement'],
      to: 'signed',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '签订合同', en: 'Record the signing' },
    },
    {
      action: 'end',
      from: ['introduced', 'met', 'agreement'],
      to: 'ended',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '终止对接', en: 'End' },
    },
  ],
};
