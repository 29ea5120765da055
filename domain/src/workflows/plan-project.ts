import type { WorkflowDefinition } from './definition';

export const PLAN_PROJECT_STATUSES = [
  'contracting',
  'inProgress',
  'suspended',
  'acceptanceApplied',
  'rectifying',
  'reconsidering',
  'accepted',
  'closedWithoutPass',
  'failed',
  'terminated',
  'revoked',
  'archived',
] as const;
export type PlanProjectStatus = (typeof PLAN_PROJECT_STATUSES)[number];
export type PlanProjectAction =
  | 'startExecution'
  | 'suspend'
  | 'resume'
  | 'applyAcceptance'
  | 'accept'
  | 'requireRectification'
  | 'requireReconsideration'
  | 'closeWithoutPass'
  | 'fail'
  | 'terminate'
  | 'revoke'
  | 'archive';

/**
 * 立项后的科技计划项目: task contract (任务书) being signed, execution with progress reports and
 * changes, suspension, and the end — 验收 with its outcomes (通过, 整改后通过 after one rectification,
 * 需要复议, 结题, 不通过), or 终止 (unspent funds returned) / 撤销 (all funds recovered) — then archive.
 */
export const planProjectWorkflow: WorkflowDefinition<PlanProjectStatus, PlanProjectAction> = {
  name: 'plan-project',
  initial: 'contracting',
  states: {
    contracting: { zh: '任务书签订中', en: 'Contracting' },
    inProgress: { zh: '执行中', en: 'In progress' },
    suspended: { zh: '已暂停', en: 'Suspended' },
    acceptanceApplied: { zh: '验收申请中', en: 'Acceptance applied' },
    rectifying: { zh: '整改中', en: 'Rectifying' },
    reconsidering: { zh: '需要复议', en: 'Needs reconsideration' },
    accepted: { zh: '通过验收', en: 'Accepted' },
    closedWithoutPass: { zh: '结题', en: 'Closed without pass' },
    failed: { zh: '不通过验收', en: 'Failed' },
    terminated: { zh: '已终止', en: 'Terminated' },
    revoked: { zh: '已撤销', en: 'Revoked' },
    archived: { zh: '已归档', en: 'Archived' },
  },
  transitions: [
    {
      action: 'startExecution',
      from: ['contracting'],
      to: 'inProgress',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '任务书生效，开始执行', en: 'Start execution' },
    },
    {
      action: 'suspend',
      from: ['inProgress'],
      to: 'suspended',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '暂停项目', en: 'Suspend' },
    },
    {
      action: 'resume',
      from: ['suspended'],
      to: 'inProgress',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '恢复执行', en: 'Resume' },
    },
    {
      action: 'applyAcceptance',
      from: ['inProgress', 'rectifying', 'reconsidering'],
      to: 'acceptanceApplied',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '申请验收', en: 'Apply for acceptance' },
    },
    {
      action: 'accept',
      from: ['acceptanceApplied'],
      to: 'accepted',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '通过验收', en: 'Accept' },
    },
    {
      action: 'requireRectification',
      from: ['acceptanceApplied'],
      to: 'rectifying',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '整改后复验', en: 'Require rectification' },
    },
    {
      action: 'requireReconsideration',
      from: ['acceptanceApplied'],
      to: 'reconsidering',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '需要复议', en: 'Needs reconsideration' },
    },
    {
      action: 'closeWithoutPass',
      from: ['acceptanceApplied', 'reconsidering'],
      to: 'closedWithoutPass',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '结题', en: 'Close without pass' },
    },
    {
      action: 'fail',
      from: ['acceptanceApplied', 'reconsidering'],
      to: 'failed',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '不通过验收', en: 'Fail' },
    },
    {
      action: 'terminate',
      from: ['contracting', 'inProgress', 'suspended'],
      to: 'terminated',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '终止项目', en: 'Terminate' },
    },
    {
      action: 'revoke',
      from: ['contracting', 'inProgress', 'suspended', 'acceptanceApplied', 'rectifying', 'reconsidering'],
      to: 'revoked',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '撤销项目', en: 'Revoke' },
    },
    {
      action: 'archive',
      from: ['accepted', 'closedWithoutPass', 'failed', 'terminated', 'revoked'],
      to: 'archived',
      roles: ['staff'],
      label: { zh: '归档', en: 'Archive' },
    },
  ],
};
