import { z } from 'zod';
import type { Text } from '../i18n';
import { dateSchema, textSchema } from '../schemas/common';
import { organisationRefSchema, personRefSchema } from './identity';

/** The shapes conflict detection reads and writes: conflict types, declared relations, overrides. */
/**
 * 回避: conflicts of interest between an expert and a reviewable item, typed like HotCRP's so that
 * staff see why an expert was kept away, and can override one type on one pair with a written reason.
 */
export const CONFLICT_TYPES = [
  'participant',
  'institutional',
  'relative',
  'advisor',
  'economic',
  'collaborator',
  'other-relation',
  'applicant-exclusion',
  'expert-declared',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export const CONFLICT_TYPE_LABELS: Record<ConflictType, Text> = {
  participant: { zh: '本人参与项目', en: 'Participant' },
  institutional: { zh: '同单位', en: 'Institutional' },
  relative: { zh: '近亲属', en: 'Relative' },
  advisor: { zh: '师生关系', en: 'Advisor / advisee' },
  economic: { zh: '经济利益关系', en: 'Economic interest' },
  collaborator: { zh: '近三年合作', en: 'Recent collaborator' },
  'other-relation': { zh: '其他利害关系', en: 'Other relationship' },
  'applicant-exclusion': { zh: '申报方申请回避', en: 'Excluded by the applicant' },
  'expert-declared': { zh: '专家主动回避', en: 'Declared by the expert' },
};

/** Years a collaboration keeps an expert away from the people and organisations involved. */
export const COLLABORATION_CONFLICT_YEARS = 3;
/** Experts an applicant may ask to keep away from their application. */
export const MAX_APPLICANT_EXCLUSIONS = 3;

export const RELATION_KINDS = [
  'relative',
  'former-student',
  'former-advisor',
  'economic-interest',
  'other',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const RELATION_CONFLICT_TYPE: Record<RelationKind, ConflictType> = {
  relative: 'relative',
  'former-student': 'advisor',
  'former-advisor': 'advisor',
  'economic-interest': 'economic',
  other: 'other-relation',
};

export const RELATION_LABELS: Record<RelationKind, Text> = {
  relative: { zh: '近亲属', en: 'a relative' },
  'former-student': { zh: '曾为其学生', en: 'a former student' },
  'former-advisor': { zh: '曾为其导师', en: 'a former advisor' },
  'economic-interest': { zh: '经济利益关系', en: 'an economic interest' },
  other: { zh: '其他利害关系', en: 'another relationship' },
};

const hasSubject = (value: { person?: unknown; organisation?: unknown }) =>
  value.person !== undefined || value.organisation !== undefined;

/** A relation the expert declared in the pool: with a person (PI, member) or an organisation. */
export const expertRelationSchema = z
  .strictObject({
    kind: z.enum(RELATION_KINDS),
    person: personRefSchema.optional(),
    organisation: organisationRefSchema.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine(hasSubject, { message: 'a relation names a person or an organisation' });
export type ExpertRelation = z.infer<typeof expertRelationSchema>;

/** A joint project, paper or contract; `endedOn: null` while it is still running. */
export const expertCollaborationSchema = z
  .strictObject({
    person: personRefSchema.optional(),
    organisation: organisationRefSchema.optional(),
    endedOn: dateSchema.nullable(),
    description: z.string().trim().max(500).optional(),
  })
  .refine(hasSubject, { message: 'a collaboration names a person or an organisation' });
export type ExpertCollaboration = z.infer<typeof expertCollaborationSchema>;

export const conflictExpertSchema = z.strictObject({
  id: z.string().min(1).max(64),
  person: personRefSchema,
  organisation: organisationRefSchema,
  /** Part-time posts (兼职) count like the main organisation. */
  affiliations: z.array(organisationRefSchema).max(20).default([]),
  relations: z.array(expertRelationSchema).max(200).default([]),
  collaborations: z.array(expertCollaborationSchema).max(500).default([]),
});
export type ConflictExpert = z.infer<typeof conflictExpertSchema>;

export const conflictItemSchema = z.strictObject({
  id: z.string().min(1).max(64),
  applicant: organisationRefSchema,
  partners: z.array(organisationRefSchema).max(50).default([]),
  principalInvestigator: personRefSchema,
  members: z.array(personRefSchema).max(200).default([]),
  excludedExpertIds: z.array(z.string().min(1).max(64)).max(MAX_APPLICANT_EXCLUSIONS).default([]),
});
export type ConflictItem = z.infer<typeof conflictItemSchema>;

/** What an expert says when accepting an invitation for an item they should not review. */
export const expertConflictDeclarationSchema = z.strictObject({
  itemId: z.string().min(1).max(64),
  expertId: z.string().min(1).max(64),
  reason: textSchema(500),
});
export type ExpertConflictDeclaration = z.infer<typeof expertConflictDeclarationSchema>;

/** A staff decision that one conflict type on one pair does not apply; audited by the server. */
export const conflictOverrideSchema = z.strictObject({
  itemId: z.string().min(1).max(64),
  expertId: z.string().min(1).max(64),
  type: z.enum(CONFLICT_TYPES),
  reason: z.string().trim().min(5).max(1000),
  overriddenBy: z.string().min(1).max(64),
  overriddenAt: z.iso.datetime({ offset: true }),
});
export type ConflictOverride = z.infer<typeof conflictOverrideSchema>;
