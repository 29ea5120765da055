/** Event types as seeded (more can be added as data). */
export const SEED_EVENT_TYPE_CODES = [
  'training',
  'qa',
  'policy-talk',
  'matchmaking',
  'application-coaching',
] as const;

export const EVENT_AUDIENCES = ['all', 'tier', 'field', 'street', 'invited'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<EventAudience, { zh: string; en: string }> = {
  all: { zh: '全区企业', en: 'All enterprises' },
  tier: { zh: '指定梯次', en: 'A cultivation tier' },
  field: { zh: '指定领域', en: 'A field' },
  street: { zh: '指定街道', en: 'A street' },
  invited: { zh: '定向邀请', en: 'Invited list' },
};

export const VISIT_TARGET_KINDS = ['enterprise', 'platform', 'institute'] as const;
export type VisitTargetKind = (typeof VISIT_TARGET_KINDS)[number];
export const VISIT_TARGET_KIND_LABELS: Record<VisitTargetKind, { zh: string; en: string }> = {
  enterprise: { zh: '科技企业', en: 'Enterprise' },
  platform: { zh: '创新平台', en: 'Platform' },
  institute: { zh: '研发机构', en: 'R&D institute' },
};

export const PROBLEM_SOURCES = ['visit', 'event', 'enterprise'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, { zh: string; en: string }> = {
  visit: { zh: '走访调研', en: 'Field visit' },
  event: { zh: '活动答疑', en: 'Event' },
  enterprise: { zh: '企业反映', en: 'Reported by the enterprise' },
};
