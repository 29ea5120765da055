import { z } from 'zod';
import { chinaToday } from '../projects/working-days';
import {
  dateSchema,
  listQuerySchema,
  pageSchema,
  phoneSchema,
  textSchema,
  versionSchema,
} from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { PLATFORM_STATUSES } from '../workflows/platform';
import { evaluationRuleSchema, typeRequirementsSchema } from './requirement-schemas';
import { PLATFORM_AUTHORITIES, PLATFORM_LEVELS } from './types';

const idSchema = z.number().int().positive().max(2_147_483_647);
const MAX_FEN = 10_000_000_000_000;

/** A 认定/备案 date: a real date, not after today (China time). */
export const recognitionDateSchema = dateSchema.refine((value) => value <= chinaToday(), {
  params: { key: 'platforms.dateInFuture' },
});

export const platformLevelSchema = z.enum(PLATFORM_LEVELS);

const platformFields = {
  name: textSchema(100),
  typeId: idSchema,
  level: platformLevelSchema,
  approvingBody: textSchema(100),
  documentNo: textSchema(100),
  recognizedOn: recognitionDateSchema,
  hostEnterpriseIds: z
    .array(idSchema)
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { params: { key: 'platforms.hostsRepeated' } }),
  field: z.string().trim().max(100).nullable(),
  street: z.string().trim().max(50).nullable(),
  areaSquareMeters: z.number().int().min(0).max(10_000_000).nullable(),
  staffCount: z.number().int().min(0).max(1_000_000).nullable(),
  equipmentFen: z.number().int().min(0).max(MAX_FEN).nullable(),
  contactName: z.string().trim().max(50).nullable(),
  contactPhone: phoneSchema.nullable(),
};

export const platformInputSchema = z.strictObject(platformFields);
export type PlatformInput = z.infer<typeof platformInputSchema>;

/** An edit: everything but the level, which changes only by an upgrade. Dates and 文号 correct the current level's entry. */
export const platformUpdateSchema = platformInputSchema
  .omit({ level: true })
  .extend({ version: versionSchema });
export type PlatformUpdate = z.infer<typeof platformUpdateSchema>;

export const platformUpgradeSchema = z.strictObject({
  level: platformLevelSchema,
  approvingBody: textSchema(100),
  documentNo: textSchema(100),
  recognizedOn: recognitionDateSchema,
  version: versionSchema,
});
export type PlatformUpgrade = z.infer<typeof platformUpgradeSchema>;

export const PLATFORM_STATUS_ACTIONS = ['warn', 'clear-warning', 'revoke', 'delist'] as const;
export type PlatformStatusAction = (typeof PLATFORM_STATUS_ACTIONS)[number];

export const platformActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(PLATFORM_STATUS_ACTIONS),
});

/** A status change: its reason (the 文件 or the 考核 result) and the day it takes effect. */
export const platformActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  effectiveOn: recognitionDateSchema,
});
export type PlatformActionBody = z.infer<typeof platformActionBodySchema>;

export const platformLevelEntrySchema = z.object({
  id: z.number().int(),
  level: platformLevelSchema,
  kind: z.enum(['recognition', 'upgrade']),
  recognizedOn: z.string(),
  approvingBody: z.string(),
  documentNo: z.string(),
});
export type PlatformLevelEntry = z.infer<typeof platformLevelEntrySchema>;

export const platformHostSchema = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
});

export const platformSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  typeId: z.number().int(),
  typeName: z.string(),
  level: platformLevelSchema,
  status: z.enum(PLATFORM_STATUSES),
  approvingBody: z.string(),
  documentNo: z.string(),
  recognizedOn: z.string(),
  firstRecognizedOn: z.string(),
  endedOn: z.string().nullable(),
  hosts: z.array(platformHostSchema),
  field: z.string().nullable(),
  street: z.string().nullable(),
  areaSquareMeters: z.number().int().nullable(),
  staffCount: z.number().int().nullable(),
  equipmentFen: z.number().int().nullable(),
  version: z.number().int(),
});
export type PlatformSummary = z.infer<typeof platformSummarySchema>;

export const platformSchema = platformSummarySchema.extend({
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  levelHistory: z.array(platformLevelEntrySchema),
  statusHistory: z.array(historyEntrySchema),
  allowedActions: z.array(z.string()),
  createdAt: z.string(),
});
export type Platform = z.infer<typeof platformSchema>;

export const platformListQuerySchema = listQuerySchema(['recognizedOn', 'name'] as const).extend({
  status: z.enum(PLATFORM_STATUSES).optional(),
  level: platformLevelSchema.optional(),
  typeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  street: z.string().trim().max(50).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type PlatformListQuery = z.infer<typeof platformListQuerySchema>;

export const platformPageSchema = pageSchema(platformSummarySchema).extend({
  /** Counts under the same filters but the status, for the status tabs. */
  statusCounts: z.record(z.string(), z.number().int()),
});
export type PlatformPage = z.infer<typeof platformPageSchema>;

export const platformTypeInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/),
  name: textSchema(40),
  levels: z
    .array(platformLevelSchema)
    .max(PLATFORM_LEVELS.length)
    .refine((levels) => levels.length > 0, { params: { key: 'platforms.levelsRequired' } })
    .refine((levels) => new Set(levels).size === levels.length, {
      params: { key: 'platforms.levelsRepeated' },
    }),
  authority: z.enum(PLATFORM_AUTHORITIES),
  allowsSeveralHosts: z.boolean().default(false),
  countsForCoverage: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  isActive: z.boolean().default(true),
});
export type PlatformTypeInput = z.infer<typeof platformTypeInputSchema>;

/** An edit of a type; the requirements by level are replaced only when given. */
export const platformTypeUpdateSchema = platformTypeInputSchema.omit({ code: true }).extend({
  version: versionSchema,
  requirements: typeRequirementsSchema.optional(),
  evaluationRule: evaluationRuleSchema.optional(),
});
export type PlatformTypeUpdate = z.infer<typeof platformTypeUpdateSchema>;

export const platformTypeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  levels: z.array(platformLevelSchema),
  authority: z.enum(PLATFORM_AUTHORITIES),
  allowsSeveralHosts: z.boolean(),
  countsForCoverage: z.boolean(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  requirements: typeRequirementsSchema,
  evaluationRule: evaluationRuleSchema,
  version: z.number().int(),
});
export type PlatformType = z.infer<typeof platformTypeSchema>;

const countsByLevelSchema = z.object({
  national: z.number().int(),
  provincial: z.number().int(),
  city: z.number().int(),
  district: z.number().int(),
});

/** One type's line of the year's statistics: in force at the year's end by level, and the year's changes. */
export const platformStatisticsLineSchema = z.object({
  typeId: z.number().int().nullable(),
  typeName: z.string(),
  inForce: countsByLevelSchema,
  recognised: countsByLevelSchema,
  upgraded: z.number().int(),
  ended: z.number().int(),
});
export type PlatformStatisticsLine = z.infer<typeof platformStatisticsLineSchema>;

export const platformStatisticsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const platformStatisticsSchema = z.object({
  year: z.number().int(),
  lines: z.array(platformStatisticsLineSchema),
  total: platformStatisticsLineSchema,
});
export type PlatformStatistics = z.infer<typeof platformStatisticsSchema>;

/** 规上企业研发机构全覆盖: the year's 规上 enterprises, with or without an R&D institution. */
export const coverageQuerySchema = listQuerySchema(['name'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100),
  coverage: z.enum(['covered', 'uncovered']).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const coverageEntrySchema = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  street: z.string().nullable(),
  /** R&D institutions in force at the year's end that count for coverage. */
  institutions: z.number().int(),
  hasRdActivity: z.boolean(),
});
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;

export const coveragePageSchema = pageSchema(coverageEntrySchema).extend({
  year: z.number().int(),
  aboveScale: z.number().int(),
  covered: z.number().int(),
  withRdActivity: z.number().int(),
});
export type CoveragePage = z.infer<typeof coveragePageSchema>;
