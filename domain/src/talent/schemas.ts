import { z } from 'zod';
import { findIdNumberProblem, normalizeIdNumber } from '../id-number';
import { chinaToday } from '../projects/working-days';
import { dateSchema, listQuerySchema, pageSchema, textSchema, versionSchema } from '../schemas/common';
import { TALENT_PROGRAMME_STATUSES } from '../workflows/talent-programme';
import {
  EMPLOYMENT_MODES,
  HELP_KINDS,
  PROGRAMME_LEVELS,
  TALENT_GENDERS,
  TALENT_ID_TYPES,
  TALENT_ORIGINS,
} from './types';
import { A_QUALIFICATIONS, BONUS_ITEMS, PERMIT_CLASSES, POINT_ITEMS, TALENT_DEGREES } from './work-permit';

const idSchema = z.number().int().positive().max(2_147_483_647);
const MAX_FEN = 10_000_000_000_000;
const yearSchema = z.number().int().min(1900).max(2100);
const nullableText = (max: number) => z.string().trim().max(max).nullable();
const distinct = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(10)
    .refine((items) => new Set(items).size === items.length, { params: { key: 'talent.repeated' } });

/** The work-permit facts of a foreign talent (salary in 分 per year). */
export const foreignFactsSchema = z.strictObject({
  annualSalaryFen: z.number().int().min(0).max(MAX_FEN).nullable(),
  relevantYears: z.number().int().min(0).max(70),
  workMonths: z.number().int().min(0).max(12),
  chineseLevel: z.number().int().min(0).max(6),
  aQualifications: distinct(z.enum(A_QUALIFICATIONS)),
  bonusItems: distinct(z.enum(BONUS_ITEMS)),
  skillCertificate: z.boolean(),
  languageTeacher: z.boolean(),
  shortTermOrQuota: z.boolean(),
  localBonus: z.number().int().min(0).max(10),
  permitNo: nullableText(40),
  permitValidUntil: dateSchema.nullable(),
});
export type ForeignFactsInput = z.infer<typeof foreignFactsSchema>;

const contactPattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\+?[\d -]{6,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

const talentFields = {
  name: textSchema(50),
  gender: z.enum(TALENT_GENDERS),
  birthYear: yearSchema,
  origin: z.enum(TALENT_ORIGINS),
  nationality: textSchema(50),
  idType: z.enum(TALENT_ID_TYPES),
  idNumber: z.string().trim().min(1).max(40),
  degree: z.enum(TALENT_DEGREES),
  title: nullableText(50),
  field: textSchema(50),
  employerEnterpriseId: idSchema.nullable(),
  employerPlatformId: idSchema.nullable(),
  position: nullableText(50),
  arrivalDate: dateSchema,
  contact: z
    .string()
    .trim()
    .max(100)
    .refine((value) => contactPattern.test(value), { params: { key: 'talent.contactInvalid' } })
    .nullable(),
  channelId: idSchema,
  discovery: nullableText(200),
  employmentMode: z.enum(EMPLOYMENT_MODES),
  foreign: foreignFactsSchema.nullable(),
};

type TalentFields = z.infer<z.ZodObject<typeof talentFields>>;

/** Cross-field checks of a person: the document, the age, the arrival, the employer, the foreign facts. */
export function checkTalentFields(value: TalentFields, context: z.RefinementCtx): void {
  const issue = (path: string, key: string) =>
    context.addIssue({ code: 'custom', path: [path], params: { key }, input: value });
  const currentYear = Number(chinaToday().slice(0, 4));
  const age = currentYear - value.birthYear;
  if (age < 16 || age > 100) issue('birthYear', 'talent.ageImplausible');
  if (Number(value.arrivalDate.slice(0, 4)) < value.birthYear)
    issue('arrivalDate', 'talent.arrivalBeforeBirth');
  if (value.employerEnterpriseId === null && value.employerPlatformId === null)
    issue('employerEnterpriseId', 'talent.employerRequired');
  const id = normalizeIdNumber(value.idNumber);
  if (value.idType === 'id-card') {
    const problem = findIdNumberProblem(id);
    if (problem) issue('idNumber', `talent.idNumber.${problem}`);
    else if (Number(id.slice(6, 10)) !== value.birthYear) issue('birthYear', 'talent.idBirthYearMismatch');
  } else if (/^\d{17}[\dX]$/.test(id)) issue('idNumber', 'talent.passportLooksLikeId');
  else if (!/^[A-Z0-9]{5,20}$/.test(id)) issue('idNumber', 'talent.passportInvalid');
  if (value.origin === 'foreign') {
    if (value.idType !== 'passport') issue('idType', 'talent.foreignNeedsPassport');
    if (value.foreign === null) issue('foreign', 'talent.foreignFactsRequired');
  } else if (value.foreign !== null) issue('foreign', 'talent.domesticNoForeignFacts');
}

export const talentInputSchema = z.strictObject(talentFields).superRefine(checkTalentFields);
export type TalentInput = z.infer<typeof talentInputSchema>;
export const talentUpdateSchema = z
  .strictObject({ ...talentFields, version: versionSchema })
  .superRefine(checkTalentFields);
export type TalentUpdate = z.infer<typeof talentUpdateSchema>;

export const permitResultSchema = z.object({
  permitClass: z.enum(PERMIT_CLASSES),
  document: z.string(),
  age: z.number(),
  points: z.record(z.enum(POINT_ITEMS), z.number()),
  totalPoints: z.number(),
  reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
  nextClassHints: z.array(z.object({ zh: z.string(), en: z.string() })),
  toConfirm: z.array(z.object({ zh: z.string(), en: z.string() })),
});

/** A ledger row as lists and exports carry it: the document number and contact masked. */
export const talentSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(TALENT_GENDERS),
  birthYear: z.number(),
  origin: z.enum(TALENT_ORIGINS),
  nationality: z.string(),
  idType: z.enum(TALENT_ID_TYPES),
  idNumberMasked: z.string(),
  contactMasked: z.string().nullable(),
  degree: z.enum(TALENT_DEGREES),
  title: z.string().nullable(),
  field: z.string(),
  employerEnterpriseId: z.number().nullable(),
  employerPlatformId: z.number().nullable(),
  employerName: z.string(),
  position: z.string().nullable(),
  arrivalDate: z.string(),
  channelId: z.number(),
  channelName: z.string(),
  discovery: z.string().nullable(),
  employmentMode: z.enum(EMPLOYMENT_MODES),
  permitClass: z.enum(PERMIT_CLASSES).nullable(),
  permitNo: z.string().nullable(),
  permitValidUntil: z.string().nullable(),
  /** Set when the person's data was erased on request (PIPL): only anonymised facts remain. */
  erasedAt: z.string().nullable(),
  version: z.number(),
});
export type TalentSummary = z.infer<typeof talentSummarySchema>;

export const helpRecordInputSchema = z.strictObject({
  kind: z.enum(HELP_KINDS),
  helpedOn: dateSchema.refine((value) => value <= chinaToday(), {
    params: { key: 'platforms.dateInFuture' },
  }),
  handledBy: textSchema(50),
  outcome: textSchema(500),
});
export type HelpRecordInput = z.infer<typeof helpRecordInputSchema>;
export const helpRecordSchema = helpRecordInputSchema.extend({ id: z.number(), talentId: z.number() });
export type HelpRecord = z.infer<typeof helpRecordSchema>;

export const programmeRecordInputSchema = z.strictObject({
  programmeId: idSchema,
  year: yearSchema,
  nominatedOn: dateSchema,
  fundingFen: z.number().int().min(0).max(MAX_FEN).nullable(),
  platformId: idSchema.nullable(),
  projectId: idSchema.nullable(),
  note: nullableText(500),
});
export type ProgrammeRecordInput = z.infer<typeof programmeRecordInputSchema>;

export const programmeRecordSchema = z.object({
  id: z.number(),
  talentId: z.number(),
  talentName: z.string(),
  employerName: z.string(),
  programmeId: z.number(),
  programmeName: z.string(),
  programmeLevel: z.enum(PROGRAMME_LEVELS),
  year: z.number(),
  nominatedOn: z.string(),
  outcomeOn: z.string().nullable(),
  fundingFen: z.number().nullable(),
  platformId: z.number().nullable(),
  platformName: z.string().nullable(),
  projectId: z.number().nullable(),
  projectTitle: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(TALENT_PROGRAMME_STATUSES),
  version: z.number(),
  allowedActions: z.array(z.string()),
});
export type ProgrammeRecord = z.infer<typeof programmeRecordSchema>;

export const talentLinkInputSchema = z
  .strictObject({ platformId: idSchema.nullable(), projectId: idSchema.nullable(), role: nullableText(50) })
  .refine((value) => value.platformId !== null || value.projectId !== null, {
    path: ['platformId'],
    params: { key: 'talent.linkRequired' },
  });
export type TalentLinkInput = z.infer<typeof talentLinkInputSchema>;
export const talentLinkSchema = z.object({
  id: z.number(),
  platformId: z.number().nullable(),
  platformName: z.string().nullable(),
  projectId: z.number().nullable(),
  projectTitle: z.string().nullable(),
  role: z.string().nullable(),
});
export type TalentLink = z.infer<typeof talentLinkSchema>;

export const talentDetailSchema = talentSummarySchema.extend({
  foreign: foreignFactsSchema.nullable(),
  permit: permitResultSchema.nullable(),
  helpRecords: z.array(helpRecordSchema),
  programmes: z.array(programmeRecordSchema),
  links: z.array(talentLinkSchema),
  canReveal: z.boolean(),
});
export type TalentDetail = z.infer<typeof talentDetailSchema>;

export const talentRevealSchema = z.object({ idNumber: z.string(), contact: z.string().nullable() });

export const talentListQuerySchema = listQuerySchema(['arrivalDate', 'name'] as const).extend({
  keyword: z.string().trim().max(50).optional(),
  origin: z.enum(TALENT_ORIGINS).optional(),
  channelId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  permitClass: z.enum(PERMIT_CLASSES).optional(),
  arrivalYear: z.coerce.number().int().min(1900).max(2100).optional(),
  employerEnterpriseId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** People at a platform: employed by it, or linked to it ("平台+项目+人才"). */
  platformId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type TalentListQuery = z.infer<typeof talentListQuerySchema>;
export const talentPageSchema = pageSchema(talentSummarySchema);
export type TalentPage = z.infer<typeof talentPageSchema>;

export const programmeRecordListQuerySchema = listQuerySchema(['nominatedOn'] as const).extend({
  programmeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  status: z.enum(TALENT_PROGRAMME_STATUSES).optional(),
});
export type ProgrammeRecordListQuery = z.infer<typeof programmeRecordListQuerySchema>;
export const programmeRecordPageSchema = pageSchema(programmeRecordSchema);

export const programmeRecordActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(['select', 'reject', 'reopen']),
});

export const talentChannelInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/),
  name: textSchema(50),
  sortOrder: z.number().int().min(0).max(10_000),
});
export const talentChannelSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  isActive: z.boolean(),
});
export type TalentChannel = z.infer<typeof talentChannelSchema>;

export const talentProgrammeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(PROGRAMME_LEVELS),
});
export type TalentProgramme = z.infer<typeof talentProgrammeSchema>;

export const wageBaseInputSchema = z.strictObject({
  city: textSchema(20),
  year: yearSchema,
  averageWageFen: z.number().int().min(1).max(MAX_FEN),
  basis: textSchema(100),
});
export const wageBaseSchema = wageBaseInputSchema.extend({ id: z.number() });

/** Erasure on request (PIPL): the version seen and the reason, kept in the audit trail. */
export const talentErasureSchema = z.strictObject({
  version: versionSchema,
  reason: z.string().trim().min(4).max(500),
});
export type TalentErasure = z.infer<typeof talentErasureSchema>;
