import type { WorkflowDefinition } from './definition';

export const PROJECT_APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'checked',
  'underReview',
  'reviewed',
  'proposed',
  'approved',
  'publicity',
  'established',
  'recommended',
  'grantedUpstream',
  'notGrantedUpstream',
  'notFunded',
  'rejected',
  'withdrawn',
] as const;
export type ProjectApplicationStatus = (typeof PROJECT_APPLICATION_STATUSES)[number];
export type ProjectApplicationAction =
  | 'submit'
  | 'reopen'
  | 'withdraw'
  | 'returnForCorrection'
  | 'passCheck'
  | 'reject'
  | 'startReview'
  | 'finishReview'
  | 'propose'
  | 'decline'
  | 'approve'
  | 'sendBack'
  | 'startPublicity'
  | 'establish'
  | 'cancelAfterObjection'
  | 'recommend'
  | 'recordGranted'
  | 'recordNotGranted';

/**
 * 科技计划项目申报: one enterprise's application to one call, from its draft through the formal
 * check (形式审查), expert review, the funded list (拟立项), the leader's approval and the 公示, to
 * establishment as a project. Calls owned by the city or province go the recommendation way
 * instead: the district recommends (推荐) and records the outcome upstream.
 * Deadlines and the 公示 period are guards the module checks before it fires a transition.
 */
export const projectApplicationWorkflow: WorkflowDefinition<
  ProjectApplicationStatus,
  ProjectApplicationAction
> = {
  name: 'project-application',
  initial: 'draft',
  states: {
    draft: { zh: '填报中', en: 'Draft' },
    submitted: { zh: '已提交', en: 'Submitted' },
    returned: { zh: '退回修改', en: 'Returned for correction' },
    checked: { zh: '形式审查通过', en: 'Passed formal check' },
    underReview: { zh: '专家评审中', en: 'Under review' },
    reviewed: { zh: '评审完成', en: 'Reviewed' },
    proposed: { zh: '拟立项', en: 'Proposed for funding' },
    approved: { zh: '领导已审批', en: 'Approved' },
    publicity: { zh: '公示中', en: 'In publicity' },
    established: { zh: '已立项', en: 'Established' },
    recommended: { zh: '已推荐上级', en: 'Recommended upstream' },
    grantedUpstream: { zh: '上级已立项', en: 'Granted upstream' },
    notGrantedUpstream: { zh: '上级未立项', en: 'Not granted upstream' },
    notFunded: { zh: '未立项', en: 'Not funded' },
    rejected: { zh: '不予受理', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '提交申报', en: 'Submit' },
    },
    {
      action: 'reopen',
      from: ['submitted'],
      to: 'draft',
      roles: ['enterprise'],
      ownerOnly: true,
      label: { zh: '撤回修改', en: 'Reopen to revise' },
    },
    {
      action: 'withdraw',
      from: ['draft', 'submitted', 'returned', 'checked'],
      to: 'withdrawn',
      roles: ['enterprise'],
      ownerOnly: true,
      requiresComment: true,
      notify: ['staff'],
      label: { zh: '撤销申报', en: 'Withdraw' },
    },
    {
      action: 'returnForCorrection',
      from: ['submitted'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回修改', en: 'Return for correction' },
    },
    {
      action: 'passCheck',
      from: ['submitted'],
      to: 'checked',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '形式审查通过', en: 'Pass formal check' },
    },
    {
      action: 'reject',
      from: ['submitted', 'checked'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予受理', en: 'Reject' },
    },
    {
      action: 'startReview',
      from: ['checked'],
      to: 'underReview',
      roles: ['staff'],
      label: { zh: '提交专家评审', en: 'Send to review' },
    },
    {
      action: 'finishReview',
      from: ['underReview'],
      to: 'reviewed',
      roles: ['staff'],
      label: { zh: '评审完成', en: 'Finish review' },
    },
    {
      action: 'propose',
      from: ['reviewed'],
      to: 'proposed',
      roles: ['staff'],
      label: { zh: '列入拟立项', en: 'Propose for funding' },
    },
    {
      action: 'decline',
      from: ['reviewed', 'proposed'],
      to: 'notFunded',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予立项', en: 'Decline' },
    },
    {
      action: 'approve',
      from: ['proposed'],
      to: 'approved',
      roles: ['leader'],
      label: { zh: '审批同意', en: 'Approve' },
    },
    {
      action: 'sendBack',
      from: ['proposed'],
      to: 'reviewed',
      roles: ['leader'],
      requiresComment: true,
      notify: ['staff'],
      label: { zh: '退回重拟', en: 'Send back' },
    },
    {
      action: 'startPublicity',
      from: ['approved'],
      to: 'publicity',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '发布公示', en: 'Start publicity' },
    },
    {
      action: 'establish',
      from: ['publicity'],
      to: 'established',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '立项下达', en: 'Establish' },
    },
    {
      action: 'cancelAfterObjection',
      from: ['publicity'],
      to: 'notFunded',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '异议成立，取消立项', en: 'Cancel after objection' },
    },
    {
      action: 'recommend',
      from: ['checked', 'reviewed'],
      to: 'recommended',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '推荐上级', en: 'Recommend upstream' },
    },
    {
      action: 'recordGranted',
      from: ['recommended'],
      to: 'grantedUpstream',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '登记上级立项', en: 'Record granted' },
    },
    {
      action: 'recordNotGranted',
      from: ['recommended'],
      to: 'notGrantedUpstream',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '登记上级未立项', en: 'Record not granted' },
    },
  ],
};
