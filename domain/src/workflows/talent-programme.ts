import type { WorkflowDefinition } from './definition';

export const TALENT_PROGRAMME_STATUSES = ['nominated', 'selected', 'not-selected'] as const;
export type TalentProgrammeStatus = (typeof TALENT_PROGRAMME_STATUSES)[number];
export const TALENT_PROGRAMME_ACTIONS = ['select', 'reject', 'reopen'] as const;
export type TalentProgrammeAction = (typeof TALENT_PROGRAMME_ACTIONS)[number];

/**
 * A talent's record in a programme: the district nominates (or puts forward to the city's or the
 * province's programme) and records the outcome, 入选 or 未入选; a wrongly recorded outcome is reopened.
 */
export const talentProgrammeWorkflow: WorkflowDefinition<TalentProgrammeStatus, TalentProgrammeAction> = {
  name: 'talent-programme',
  initial: 'nominated',
  states: {
    nominated: { zh: '已推荐', en: 'Nominated' },
    selected: { zh: '入选', en: 'Selected' },
    'not-selected': { zh: '未入选', en: 'Not selected' },
  },
  transitions: [
    {
      action: 'select',
      from: ['nominated'],
      to: 'selected',
      roles: ['staff'],
      notify: [],
      label: { zh: '记录入选', en: 'Record selection' },
    },
    {
      action: 'reject',
      from: ['nominated'],
      to: 'not-selected',
      roles: ['staff'],
      notify: [],
      label: { zh: '记录未入选', en: 'Record non-selection' },
    },
    {
      action: 'reopen',
      from: ['selected', 'not-selected'],
      to: 'nominated',
      roles: ['staff'],
      requiresComment: true,
      notify: [],
      label: { zh: '重新登记结果', en: 'Reopen' },
    },
  ],
};
