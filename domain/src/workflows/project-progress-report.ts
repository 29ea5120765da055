import type { WorkflowDefinition } from './definition';

export const PROGRESS_REPORT_STATUSES = ['pending', 'submitted', 'accepted', 'returned'] as const;
export type ProgressReportStatus = (typeof PROGRESS_REPORT_STATUSES)[number];
export const PROGRESS_REPORT_ACTIONS = ['submit', 'accept', 'return'] as const;
export type ProgressReportAction = (typeof PROGRESS_REPORT_ACTIONS)[number];
export const PROGRESS_REPORT_REVIEW_ACTIONS = ['accept', 'return'] as const;

/** 执行情况报告: due per period, filed by the enterprise, accepted or returned (with reasons) by staff. */
export const progressReportWorkflow: WorkflowDefinition<ProgressReportStatus, ProgressReportAction> = {
  name: 'project-progress-report',
  initial: 'pending',
  states: {
    pending: { zh: '待提交', en: 'Due' },
    submitted: { zh: '待审核', en: 'Submitted' },
    accepted: { zh: '已通过', en: 'Accepted' },
    returned: { zh: '已退回', en: 'Returned' },
  },
  transitions: [
    {
      action: 'submit',
      from: ['pending', 'returned'],
      to: 'submitted',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '提交报告', en: 'Submit' },
    },
    {
      action: 'accept',
      from: ['submitted'],
      to: 'accepted',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '审核通过', en: 'Accept' },
    },
    {
      action: 'return',
      from: ['submitted'],
      to: 'returned',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回修改', en: 'Return' },
    },
  ],
};
