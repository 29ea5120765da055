import type { WorkflowDefinition } from './definition';

export const PROJECT_CHANGE_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ProjectChangeStatus = (typeof PROJECT_CHANGE_STATUSES)[number];
export const PROJECT_CHANGE_ACTIONS = ['approve', 'reject', 'withdraw'] as const;
export type ProjectChangeAction = (typeof PROJECT_CHANGE_ACTIONS)[number];

/** 变更申请 of a plan project (负责人, 成员, 预算调整, 延期): the bureau approves or rejects it. */
export const projectChangeWorkflow: WorkflowDefinition<ProjectChangeStatus, ProjectChangeAction> = {
  name: 'project-change',
  initial: 'submitted',
  states: {
    submitted: { zh: '待审核', en: 'Submitted' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '未批准', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  transitions: [
    {
      action: 'approve',
      from: ['submitted'],
      to: 'approved',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '批准变更', en: 'Approve' },
    },
    {
      action: 'reject',
      from: ['submitted'],
      to: 'rejected',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不予批准', en: 'Reject' },
    },
    {
      action: 'withdraw',
      from: ['submitted'],
      to: 'withdrawn',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '撤回申请', en: 'Withdraw' },
    },
  ],
};
