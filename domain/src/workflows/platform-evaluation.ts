import type { WorkflowDefinition } from './definition';

export const EVALUATION_ROUND_STATUSES = ['open', 'closed'] as const;
export type EvaluationRoundStatus = (typeof EVALUATION_ROUND_STATUSES)[number];

/** 年度绩效评价 round of one platform type and year: open while reports come in and are graded. */
export const evaluationRoundWorkflow: WorkflowDefinition<EvaluationRoundStatus, 'close' | 'reopen'> = {
  name: 'platform-evaluation-round',
  initial: 'open',
  states: {
    open: { zh: '进行中', en: 'Open' },
    closed: { zh: '已结束', en: 'Closed' },
  },
  transitions: [
    {
      action: 'close',
      from: ['open'],
      to: 'closed',
      roles: ['staff'],
      label: { zh: '结束评价', en: 'Close' },
    },
    {
      action: 'reopen',
      from: ['closed'],
      to: 'open',
      roles: ['staff'],
      requiresComment: true,
      label: { zh: '重新开启', en: 'Reopen' },
    },
  ],
};

export const PLATFORM_EVALUATION_STATUSES = ['pending', 'reported', 'graded'] as const;
export type PlatformEvaluationStatus = (typeof PLATFORM_EVALUATION_STATUSES)[number];
export type PlatformEvaluationAction = 'report' | 'return' | 'grade';

/**
 * One platform's yearly 绩效评价: the host files the yearly report, staff may return it, and grade
 * it (a platform that files nothing is graded on what the bureau has).
 */
export const platformEvaluationWorkflow: WorkflowDefinition<
  PlatformEvaluationStatus,
  PlatformEvaluationAction
> = {
  name: 'platform-evaluation',
  initial: 'pending',
  states: {
    pending: { zh: '待填报', en: 'Awaiting the report' },
    reported: { zh: '已填报', en: 'Reported' },
    graded: { zh: '已评定', en: 'Graded' },
  },
  transitions: [
    {
      action: 'report',
      from: ['pending'],
      to: 'reported',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '提交年度报告', en: 'File the report' },
    },
    {
      action: 'return',
      from: ['reported'],
      to: 'pending',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回修改', en: 'Return' },
    },
    {
      action: 'grade',
      from: ['pending', 'reported'],
      to: 'graded',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '评定等次', en: 'Grade' },
    },
  ],
};
