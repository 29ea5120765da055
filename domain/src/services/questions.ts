import { z } from 'zod';
import { listQuerySchema, pageSchema, textSchema, versionSchema } from '../schemas/common';
import type { FieldLabels } from '../text';

/**
 * The online 答疑 board: an enterprise asks, the bureau (or the department the question is routed
 * to) answers once; staff may publish an answered question on the portal as an FAQ, without the
 * asking enterprise.
 */
export const SERVICE_QUESTION_STATUSES = ['open', 'answered'] as const;
export type ServiceQuestionStatus = (typeof SERVICE_QUESTION_STATUSES)[number];
export const SERVICE_QUESTION_STATUS_LABELS: Record<ServiceQuestionStatus, { zh: string; en: string }> = {
  open: { zh: '待解答', en: 'Awaiting an answer' },
  answered: { zh: '已解答', en: 'Answered' },
};

export const QUESTION_TITLE_MAX = 100;
export const QUESTION_CONTENT_MAX = 2000;
export const QUESTION_ANSWER_MAX = 4000;

const idSchema = z.number().int().positive().max(2_147_483_647);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const serviceBoardQuestionInputSchema = z.strictObject({
  title: textSchema(QUESTION_TITLE_MAX),
  content: textSchema(QUESTION_CONTENT_MAX),
  /** 咨询主题, e.g. 高企认定, 研发费用加计扣除. */
  topic: optionalText(50),
  /** The policy the question is about (its name or 文号). */
  policyRef: optionalText(200),
});
export type ServiceBoardQuestionInput = z.infer<typeof serviceBoardQuestionInputSchema>;

export const serviceBoardAnswerSchema = z.strictObject({
  answer: textSchema(QUESTION_ANSWER_MAX),
  version: versionSchema,
});
export const serviceBoardRouteSchema = z.strictObject({
  departmentId: idSchema.nullable(),
  version: versionSchema,
});
export const serviceBoardPublishSchema = z.strictObject({
  isFaq: z.boolean(),
  version: versionSchema,
});

export const serviceBoardQuestionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  content: z.string(),
  topic: z.string().nullable(),
  policyRef: z.string().nullable(),
  status: z.enum(SERVICE_QUESTION_STATUSES),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  isFaq: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ServiceBoardQuestion = z.infer<typeof serviceBoardQuestionSchema>;
export const serviceBoardQuestionPageSchema = pageSchema(serviceBoardQuestionSchema);

export const serviceBoardQuestionListQuerySchema = listQuerySchema(['createdAt', 'id'] as const).extend({
  status: z.enum(SERVICE_QUESTION_STATUSES).optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type ServiceBoardQuestionListQuery = z.infer<typeof serviceBoardQuestionListQuerySchema>;

/** A published Q&A as the portal shows it: no enterprise, no department, no person. */
export const publicFaqItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  content: z.string(),
  topic: z.string().nullable(),
  answer: z.string(),
  answeredOn: z.string(),
});
export type PublicFaqItem = z.infer<typeof publicFaqItemSchema>;
export const publicFaqPageSchema = pageSchema(publicFaqItemSchema);
export const publicFaqQuerySchema = listQuerySchema(['id'] as const);

export const SERVICE_QUESTION_FIELD_LABELS: FieldLabels = {
  title: { zh: '问题标题', en: 'Title' },
  content: { zh: '问题内容', en: 'Question' },
  topic: { zh: '咨询主题', en: 'Topic' },
  policyRef: { zh: '相关政策', en: 'Policy' },
  answer: { zh: '解答内容', en: 'Answer' },
  departmentId: { zh: '转办单位', en: 'Department' },
  isFaq: { zh: '公开为常见问题', en: 'Publish as FAQ' },
  version: { zh: '版本', en: 'Version' },
  status: { zh: '状态', en: 'Status' },
  keyword: { zh: '关键词', en: 'Keyword' },
};
