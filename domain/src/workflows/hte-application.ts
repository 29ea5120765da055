import type { WorkflowDefinition } from './definition';

export const HTE_APPLICATION_STATUSES = [
  'intent',
  'coaching',
  'materialsReady',
  'submitted',
  'expertReview',
  'publicity',
  'recognised',
  'notRecognised',
  'withdrawn',
] as const;
export type HteApplicationStatus = (typeof HTE_APPLICATION_STATUSES)[number];
export type HteApplicationAction =
  | 'startCoaching'
  | 'markMaterialsReady'
  | 'submit'
  | 'startReview'
  | 'publish'
  | 'recognise'
  | 'reject'
  | 'withdraw';

/** Stages on the batch board, in order; the last three are outcomes. */
export const HTE_BOARD_STAGES: readonly HteApplicationStatus[] = [
  'intent',
  'coaching',
  'materialsReady',
  'submitted',
  'expertReview',
  'publicity',
  'recognised',
  'notRecognised',
];

/**
 * 高企申报跟踪服务: one enterprise's application in one year, from intent to the recognition
 * outcome, tracked by the bureau with a helper team. The bureau fires most steps; the enterprise
 * says when its materials are ready, and either side may withdraw before submission.
 */
export const hteApplicationWorkflow: WorkflowDefinition<HteApplicationStatus, HteApplicationAction> = {
  name: 'hte-application',
  initial: 'intent',
  states: {
    intent: { zh: '申报意向', en: 'Intent' },
    coaching: { zh: '辅导中', en: 'Coaching' },
    materialsReady: { zh: '材料就绪', en: 'Materials ready' },
    submitted: { zh: '已提交', en: 'Submitted' },
    expertReview: { zh: '专家评审', en: 'Expert review' },
    publicity: { zh: '公示', en: 'Publicity' },
    recognised: { zh: '认定通过', en: 'Recognised' },
    notRecognised: { zh: '未通过', en: 'Not recognised' },
    withdrawn: { zh: '已放弃', en: 'Withdrawn' },
  },
  transitions: [
    {
      action: 'startCoaching',
      from: ['intent'],
      to: 'coaching',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '开始辅导', en: 'Start coaching' },
    },
    {
      action: 'markMaterialsReady',
      from: ['coaching'],
      to: 'materialsReady',
      roles: ['staff', 'enterprise'],
      ownerOnly: true,
      notify: ['staff', 'owner'],
      label: { zh: '材料就绪', en: 'Materials ready' },
    },
    {
      action: 'submit',
      from: ['materialsReady'],
      to: 'submitted',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '已提交申报', en: 'Submitted' },
    },
    {
      action: 'startReview',
      from: ['submitted'],
      to: 'expertReview',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '进入专家评审', en: 'Expert review' },
    },
    {
      action: 'publish',
      from: ['expertReview'],
      to: 'publicity',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '进入公示', en: 'Publicity' },
    },
    {
      action: 'recognise',
      from: ['publicity'],
      to: 'recognised',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '认定通过', en: 'Recognised' },
    },
    {
      action: 'reject',
      from: ['expertReview', 'publicity'],
      to: 'notRecognised',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '未通过认定', en: 'Not recognised' },
    },
    {
      action: 'withdraw',
      from: ['intent', 'coaching', 'materialsReady'],
      to: 'withdrawn',
      roles: ['staff', 'enterprise'],
      ownerOnly: true,
      requiresComment: true,
      notify: ['staff', 'owner'],
      label: { zh: '放弃申报', en: 'Withdraw' },
    },
  ],
};
