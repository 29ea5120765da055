import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { expertCollaborationSchema, expertRelationSchema } from '../reviews/conflict-schemas';
import { EXPERT_FIELD_CODES } from '../reviews/expert-fields';
import { organisationRefSchema } from '../reviews/identity';
import { EXPERT_ACTIONS, EXPERT_STATUSES } from '../workflows/expert';
import { listQuerySchema, pageSchema, phoneSchema, textSchema, versionSchema } from './common';
import { historyEntrySchema } from './workflow';

export const EXPERT_FIELD_LABELS: FieldLabels = {
  name: { zh: '专家姓名', en: 'Name' },
  title: { zh: '职称', en: 'Title' },
  fields: { zh: '专业领域', en: 'Fields' },
  organisation: { zh: '工作单位', en: 'Organisation' },
  phone: { zh: '手机号', en: 'Mobile' },
  email: { zh: '邮箱', en: 'Email' },
  isAvailable: { zh: '是否可参评', en: 'Available' },
  relations: { zh: '申报的关系', en: 'Declared relations' },
  collaborations: { zh: '近年合作', en: 'Collaborations' },
  affiliations: { zh: '兼职单位', en: 'Part-time posts' },
  username: { zh: '登录用户名', en: 'User name' },
  personId: { zh: '证件号', en: 'ID number' },
};

export const EXPERT_TITLES = ['正高级', '副高级', '中级', '其他'] as const;

export const expertInputSchema = z.strictObject({
  name: textSchema(60),
  /** 身份证号 or another stable person id, for conflicts by identity rather than by name; never returned. */
  personId: z.string().trim().min(1).max(64).nullable().default(null),
  title: z.enum(EXPERT_TITLES),
  fields: z
    .array(z.enum(EXPERT_FIELD_CODES as [string, ...string[]]))
    .min(1)
    .max(8),
  organisation: organisationRefSchema,
  affiliations: z.array(organisationRefSchema).max(20).default([]),
  phone: phoneSchema,
  email: z.email().max(200).nullable().default(null),
  isAvailable: z.boolean().default(true),
  relations: z.array(expertRelationSchema).max(200).default([]),
  collaborations: z.array(expertCollaborationSchema).max(500).default([]),
});
export type ExpertInput = z.infer<typeof expertInputSchema>;

/** Staff entry: the expert's login is created with it (role `expert`, initial password to change). */
export const expertCreateSchema = expertInputSchema.extend({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/),
});
export type ExpertCreate = z.infer<typeof expertCreateSchema>;
export const expertUpdateSchema = expertInputSchema.extend({ version: versionSchema });
export type ExpertUpdate = z.infer<typeof expertUpdateSchema>;

export const expertListQuerySchema = listQuerySchema(['name', 'updatedAt']).extend({
  status: z.enum(EXPERT_STATUSES).optional(),
  field: z.enum(EXPERT_FIELD_CODES as [string, ...string[]]).optional(),
  keyword: z.string().trim().max(60).optional(),
});
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;

export const expertActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(EXPERT_ACTIONS),
});

export const expertSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
  organisation: z.object({ name: z.string(), creditCode: z.string().nullable().optional() }),
  /** Masked (138****5678); the full number only through the audited contact route. */
  phoneMasked: z.string().nullable(),
  isAvailable: z.boolean(),
  status: z.enum(EXPERT_STATUSES),
  username: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ExpertSummary = z.infer<typeof expertSummarySchema>;
export const expertPageSchema = pageSchema(expertSummarySchema);

export const expertDetailSchema = z.object({
  expert: expertSummarySchema.extend({
    emailMasked: z.string().nullable(),
    hasPersonId: z.boolean(),
    affiliations: z.array(z.object({ name: z.string(), creditCode: z.string().nullable().optional() })),
    relations: z.array(z.unknown()),
    collaborations: z.array(z.unknown()),
  }),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type ExpertDetail = z.infer<typeof expertDetailSchema>;

export const expertCreatedSchema = expertDetailSchema.extend({
  /** Shown once to the staff member who entered the expert. */
  initialPassword: z.string(),
});

export const expertContactSchema = z.object({ phone: z.string(), email: z.string().nullable() });
