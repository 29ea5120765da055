import type { WorkflowDefinition } from './definition';

export const SERVICE_PROBLEM_STATUSES = ['assigned', 'replied', 'reopened', 'closed'] as const;
export type ServiceProblemStatus = (typeof SERVICE_PROBLEM_STATUSES)[number];
export const SERVICE_PROBLEM_ACTIONS = [
  'reply',
  'rate-satisfied',
  'rate-unsatisfied',
  'close-justified',
] as const;
export type ServiceProblemAction = (typeof SERVICE_PROBLEM_ACTIONS)[number];

/** States in which a ticket is still being worked on (its deadline runs). */
export const SERVICE_PROBLEM_OPEN_STATUSES: readonly ServiceProblemStatus[] = ['assigned', 'reopened'];

/**
 * 问题台账: a problem found on a visit (or at an event) is 交办 to a department with a time limit in
 * working days; the department's 整改措施 is recorded (答复) by its own account or by staff; staff call the enterprise back (回访):
 * 满意 closes it (销号), 不满意 sends it back for 重办 with a new limit; staff may close a ticket the
 * enterprise did not rate 满意 only with a written reason.
 */
export const serviceProblemWorkflow: WorkflowDefinition<ServiceProblemStatus, ServiceProblemAction> = {
  name: 'service-problem',
  initial: 'assigned',
  states: {
    assigned: { zh: '已交办', en: 'Assigned' },
    replied: { zh: '已答复待回访', en: 'Replied, awaiting call-back' },
    reopened: { zh: '重办', en: 'Reopened' },
    closed: { zh: '已销号', en: 'Closed' },
  },
  transitions: [
    {
      action: 'reply',
      from: ['assigned', 'reopened'],
      to: 'replied',
      roles: ['staff', 'department'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '答复整改措施', en: 'Reply with the measure' },
    },
    {
      action: 'rate-satisfied',
      from: ['replied'],
      to: 'closed',
      roles: ['staff', 'enterprise'],
      notify: ['owner', 'staff'],
      label: { zh: '回访满意（销号）', en: 'Satisfied (close)' },
    },
    {
      action: 'rate-unsatisfied',
      from: ['replied'],
      to: 'reopened',
      roles: ['staff', 'enterprise'],
      requiresComment: true,
      notify: ['owner', 'staff'],
      label: { zh: '回访不满意（重办）', en: 'Unsatisfied (reopen)' },
    },
    {
      action: 'close-justified',
      from: ['replied'],
      to: 'closed',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '说明理由销号', en: 'Close with a reason' },
    },
  ],
};
