import { z } from 'zod';
import type { FieldLabels, Text } from '../i18n';
import { REVIEW_VOTES, rubricSchema } from '../reviews/aggregation';
import { CONFLICT_TYPES } from '../reviews/conflict-schemas';
import { REVIEW_ROUND_ACTIONS } from '../workflows/review-round';
import { textSchema } from './common';

export const REVIEW_ROUND_FIELD_LABELS: FieldLabels = {
  title: { zh: '评审名称', en: 'Title' },
  callId: { zh: '申报通知', en: 'Call' },
  mode: { zh: '评审方式', en: 'Mode' },
  rubric: { zh: '评分表', en: 'Rubric' },
  criteria: { zh: '评分指标', en: 'Criteria' },
  weight: { zh: '权重', en: 'Weight' },
  minimum: { zh: '最低分', en: 'Minimum' },
  maximum: { zh: '最高分', en: 'Maximum' },
  hasVote: { zh: '是否表决', en: 'Vote' },
  reviewersPerItem: { zh: '每项评审专家数', en: 'Reviewers per item' },
  loadCap: { zh: '每位专家评审上限', en: 'Load cap' },
  deadline: { zh: '评审截止时间', en: 'Deadline' },
  hideIdentities: { zh: '专家互相匿名', en: 'Hide identities' },
  commentBelow: { zh: '低于此分须填意见', en: 'Comment required below' },
  commentAbove: { zh: '高于此分须填意见', en: 'Comment required above' },
  method: { zh: '分配方式', en: 'Method' },
  seed: { zh: '随机种子', en: 'Seed' },
  itemId: { zh: '评审项目', en: 'Item' },
  expertId: { zh: '评审专家', en: 'Expert' },
  type: { zh: '回避类型', en: 'Conflict type' },
  reason: { zh: '理由', en: 'Reason' },
  scores: { zh: '评分', en: 'Scores' },
  vote: { zh: '表决意见', en: 'Vote' },
  comment: { zh: '评审意见', en: 'Comment' },
  accept: { zh: '是否接受', en: 'Accept' },
  conflicts: { zh: '回避声明', en: 'Conflict declaration' },
  opinion: { zh: '专家组意见', en: 'Panel opinion' },
  expertIds: { zh: '提醒对象', en: 'Experts to remind' },
};

export const REVIEW_MODES = ['online', 'meeting', 'defence'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
export const REVIEW_MODE_LABELS: Record<ReviewMode, Text> = {
  online: { zh: '网评', en: 'Online review' },
  meeting: { zh: '会评', en: 'Panel meeting' },
  defence: { zh: '答辩', en: 'Defence' },
};

/** The usual plan-project sheet: 创新性/技术路线/基础条件/预期效益/预算合理性, 100 points. */
export const DEFAULT_RUBRIC = {
  criteria: [
    { id: 'innovation', label: { zh: '创新性', en: 'Innovation' }, weight: 1, minimum: 0, maximum: 30 },
    { id: 'approach', label: { zh: '技术路线', en: 'Approach' }, weight: 1, minimum: 0, maximum: 20 },
    { id: 'capacity', label: { zh: '基础条件', en: 'Capacity' }, weight: 1, minimum: 0, maximum: 20 },
    { id: 'benefit', label: { zh: '预期效益', en: 'Expected benefit' }, weight: 1, minimum: 0, maximum: 20 },
    { id: 'budget', label: { zh: '预算合理性', en: 'Budget' }, weight: 1, minimum: 0, maximum: 10 },
  ],
  hasVote: true,
};

const idNumber = z.number().int().positive().max(2_147_483_647);

/** A round over a call's applications under review; the sheet total needs a comment outside the thresholds. */
export const reviewRoundCreateSchema = z
  .strictObject({
    title: textSchema(100),
    callId: idNumber,
    mode: z.enum(REVIEW_MODES),
    rubric: rubricSchema,
    reviewersPerItem: z.number().int().min(1).max(15),
    loadCap: z.number().int().min(1).max(200),
    deadline: z.iso.datetime({ offset: true }),
    hideIdentities: z.boolean().default(true),
    commentBelow: z.number().min(0).max(100_000).nullable().default(null),
    commentAbove: z.number().min(0).max(100_000).nullable().default(null),
  })
  .refine(
    (round) =>
      round.commentBelow === null || round.commentAbove === null || round.commentBelow < round.commentAbove,
    {
      path: ['commentAbove'],
      message: 'must be above commentBelow',
    },
  );
export type ReviewRoundCreate = z.infer<typeof reviewRoundCreateSchema>;

export const reviewRoundActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(REVIEW_ROUND_ACTIONS),
});

export const ASSIGNMENT_METHODS = ['random', 'optimal'] as const;
export const assignmentJobCreateSchema = z.strictObject({
  method: z.enum(ASSIGNMENT_METHODS),
  /** Recorded for the random draw; chosen by the server when absent. */
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
});
export type AssignmentJobCreate = z.infer<typeof assignmentJobCreateSchema>;

export const conflictOverrideCreateSchema = z.strictObject({
  itemId: idNumber,
  expertId: idNumber,
  type: z.enum(CONFLICT_TYPES),
  reason: z.string().trim().min(5).max(1000),
});
export type ConflictOverrideCreate = z.infer<typeof conflictOverrideCreateSchema>;

export const manualAssignmentSchema = z.strictObject({ itemId: idNumber, expertId: idNumber });

export const reminderSchema = z.strictObject({
  /** Only these experts; every expert with unfinished sheets when absent. */
  expertIds: z.array(idNumber).max(500).optional(),
});

export const consensusSchema = z.strictObject({ itemId: idNumber, opinion: textSchema(3000) });

/** The expert's answer to an invitation: accept (declaring any conflict) or decline. */
export const invitationResponseSchema = z.strictObject({
  accept: z.boolean(),
  /** A conflict the expert declares: the assignment is then declined as a conflict and replaced. */
  conflict: z.string().trim().min(2).max(500).nullable().default(null),
  reason: z.string().trim().max(500).nullable().default(null),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

/** Autosave: any subset of scores, range-checked by the round's rubric on the server. */
export const scoreSheetDraftSchema = z.strictObject({
  scores: z.record(z.string().max(40), z.number().min(-1_000_000).max(1_000_000)).default({}),
  vote: z.enum(REVIEW_VOTES).nullable().default(null),
  comment: z.string().trim().max(5000).default(''),
});
export type ScoreSheetDraft = z.infer<typeof scoreSheetDraftSchema>;
