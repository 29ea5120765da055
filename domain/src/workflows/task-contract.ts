import type { WorkflowDefinition } from './definition';

export const TASK_CONTRACT_STATUSES = ['drafted', 'issued', 'signedUploaded', 'inForce'] as const;
export type TaskContractStatus = (typeof TASK_CONTRACT_STATUSES)[number];
export const TASK_CONTRACT_ACTIONS = ['issue', 'uploadSigned', 'confirm', 'revise'] as const;
export type TaskContractAction = (typeof TASK_CONTRACT_ACTIONS)[number];

/**
 * 任务书: drafted by the bureau from the application (scaled to the approved amount), issued to the
 * enterprise, signed and uploaded as a scan, confirmed by staff (then in force and the project runs).
 * Staff may take it back for revision until it is in force.
 */
export const taskContractWorkflow: WorkflowDefinition<TaskContractStatus, TaskContractAction> = {
  name: 'task-contract',
  initial: 'drafted',
  states: {
    drafted: { zh: '起草中', en: 'Drafted' },
    issued: { zh: '已下达待签订', en: 'Issued for signature' },
    signedUploaded: { zh: '已上传签字盖章件', en: 'Signed scan uploaded' },
    inForce: { zh: '已生效', en: 'In force' },
  },
  transitions: [
    {
      action: 'issue',
      from: ['drafted'],
      to: 'issued',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '下达任务书', en: 'Issue' },
    },
    {
      action: 'uploadSigned',
      from: ['issued'],
      to: 'signedUploaded',
      roles: ['enterprise'],
      ownerOnly: true,
      notify: ['staff'],
      label: { zh: '上传签字盖章件', en: 'Upload signed scan' },
    },
    {
      action: 'confirm',
      from: ['signedUploaded'],
      to: 'inForce',
      roles: ['staff'],
      notify: ['owner'],
      label: { zh: '确认生效', en: 'Confirm' },
    },
    {
      action: 'revise',
      from: ['issued', 'signedUploaded'],
      to: 'drafted',
      roles: ['staff'],
      requiresComment: true,
      notify: ['owner'],
      label: { zh: '退回修订', en: 'Revise' },
    },
  ],
};
