import { z } from 'zod';
import { listQuerySchema, pageSchema, phoneSchema, textSchema, versionSchema } from '../schemas/common';
import type { Text } from '../text';
import { recognitionDateSchema } from './schemas';

/** 对接高校: the kinds of partner and the forms a cooperation takes (DOMAIN-RULES-2 §13, issue item 5). */
export const PARTNER_KINDS = ['university', 'institute'] as const;
export const COOPERATION_FORMS = [
  'agreement',
  'joint-institute',
  'branch',
  'joint-lab',
  'transfer-center',
] as const;
export type CooperationForm = (typeof COOPERATION_FORMS)[number];

export const PARTNER_KIND_LABELS: Record<(typeof PARTNER_KINDS)[number], Text> = {
  university: { zh: '高校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
};
export const COOPERATION_FORM_LABELS: Record<CooperationForm, Text> = {
  agreement: { zh: '合作协议', en: 'Cooperation agreement' },
  'joint-institute': { zh: '共建研究院', en: 'Joint institute' },
  branch: { zh: '分支机构落地', en: 'Branch in the district' },
  'joint-lab': { zh: '联合实验室', en: 'Joint laboratory' },
  'transfer-center': { zh: '技术转移中心', en: 'Technology transfer centre' },
};

const idSchema = z.number().int().positive().max(2_147_483_647);

export const cooperationInputSchema = z.strictObject({
  partnerName: textSchema(100),
  partnerKind: z.enum(PARTNER_KINDS),
  form: z.enum(COOPERATION_FORMS),
  title: textSchema(200),
  signedOn: recognitionDateSchema,
  endedOn: recognitionDateSchema.nullable(),
  enterpriseId: idSchema.nullable(),
  platformId: idSchema.nullable(),
  street: z.string().trim().max(50).nullable(),
  contactName: z.string().trim().max(50).nullable(),
  contactPhone: phoneSchema.nullable(),
  note: z.string().trim().max(2000),
});
export type CooperationInput = z.infer<typeof cooperationInputSchema>;

export const cooperationUpdateSchema = cooperationInputSchema.extend({ version: versionSchema });
export type CooperationUpdate = z.infer<typeof cooperationUpdateSchema>;

export const cooperationSchema = cooperationInputSchema.extend({
  id: z.number().int(),
  enterpriseName: z.string().nullable(),
  platformName: z.string().nullable(),
  version: z.number().int(),
  signedOn: z.string(),
  endedOn: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type Cooperation = z.infer<typeof cooperationSchema>;

export const cooperationListQuerySchema = listQuerySchema(['signedOn'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  form: z.enum(COOPERATION_FORMS).optional(),
  partnerKind: z.enum(PARTNER_KINDS).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type CooperationListQuery = z.infer<typeof cooperationListQuerySchema>;

export const cooperationPageSchema = pageSchema(cooperationSchema).extend({
  /** Distinct partners and branches under the same filters. */
  partners: z.number().int(),
  branches: z.number().int(),
});
export type CooperationPage = z.infer<typeof cooperationPageSchema>;
