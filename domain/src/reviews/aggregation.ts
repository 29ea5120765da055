import { z } from 'zod';
import type { Text } from '../i18n';
import { textSchema } from '../schemas/common';

/**
 * Turning score sheets into a ranking: per item the mean, the trimmed mean (drop one highest and one
 * lowest, the usual 去掉一个最高分和一个最低分), per-criterion means, vote counts, outliers, and a
 * competition ranking in which equal scores share a rank (1, 1, 3).
 */
export const rubricCriterionSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(40),
    label: z.strictObject({ zh: textSchema(100), en: textSchema(100) }),
    /** Multiplies the criterion's score in the sheet total. */
    weight: z.number().positive().max(100),
    minimum: z.number().min(0).max(1000),
    maximum: z.number().min(0).max(1000),
  })
  .refine((criterion) => criterion.minimum < criterion.maximum, {
    message: 'minimum must be below maximum',
    path: ['maximum'],
  });
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricSchema = z.strictObject({
  criteria: z
    .array(rubricCriterionSchema)
    .min(1)
    .max(30)
    .refine((criteria) => new Set(criteria.map((criterion) => criterion.id)).size === criteria.length, {
      message: 'criterion ids must be unique',
    }),
  /** The call asks for a pass/fail vote besides the score. */
  hasVote: z.boolean().default(false),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const REVIEW_VOTES = ['pass', 'fail'] as const;
export type ReviewVote = (typeof REVIEW_VOTES)[number];

/** The scores part of one expert's sheet, refusing any score outside its criterion's range. */
export function buildScoreSheetSchema(rubric: Rubric) {
  const scores = Object.fromEntries(
    rubric.criteria.map((criterion) => [
      criterion.id,
      z.number().min(criterion.minimum).max(criterion.maximum),
    ]),
  );
  return z.strictObject({
    scores: z.strictObject(scores),
    vote: rubric.hasVote ? z.enum(REVIEW_VOTES) : z.null().optional(),
  });
}

export interface ScoreSheet {
  itemId: string;
  expertId: string;
  scores: Readonly<Record<string, number>>;
  vote?: ReviewVote | null;
}

export function computeMaximumTotal(rubric: Rubric): number {
  return rubric.criteria.reduce((sum, criterion) => sum + criterion.weight * criterion.maximum, 0);
}

/** Σ weight × score. Throws on a missing or out-of-range score: sheets must be validated before. */
export function computeSheetTotal(rubric: Rubric, scores: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const criterion of rubric.criteria) {
    const score = scores[criterion.id];
    if (typeof score !== 'number' || !(score >= criterion.minimum && score <= criterion.maximum))
      throw new RangeError(
        `score for ${criterion.id} must be within [${criterion.minimum}, ${criterion.maximum}]`,
      );
    total += criterion.weight * score;
  }
  return total;
}

export interface AggregationOptions {
  /** Which figure ranks the items; the trimmed mean by default (the usual plan-project practice). */
  rankBy?: 'trimmedMean' | 'mean';
  /**
   * A sheet total is an outlier when it is more than this share of the maximum total away from the
   * median of the other experts' totals (default 0.2: 20 points on a 100-point sheet). A fixed share
   * rather than a MAD multiple, because panels are small (5–7) and a MAD of zero would flag any
   * disagreement with an otherwise unanimous panel.
   */
  outlierShare?: number;
  /** Decimals shown on the score sheet; items equal at this precision share a rank. */
  decimals?: number;
}

export interface ScoreOutlier {
  expertId: string;
  total: number;
  medianOfOthers: number;
  deviation: number;
  reason: Text;
}

export interface ItemAggregate {
  itemId: string;
  sheetCount: number;
  totals: { expertId: string; total: number }[];
  mean: number | null;
  /** Equals the mean when fewer than 3 sheets (nothing is dropped then). */
  trimmedMean: number | null;
  isTrimmed: boolean;
  median: number | null;
  criterionMeans: Record<string, number>;
  votes: { pass: number; fail: number; none: number };
  outliers: ScoreOutlier[];
  /** Competition rank (1, 1, 3); null for an item without sheets, listed last. */
  rank: number | null;
  isTied: boolean;
}

export interface AggregationResult {
  maximumTotal: number;
  rankedBy: 'trimmedMean' | 'mean';
  items: ItemAggregate[];
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * factor) / factor;
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function aggregateReviews(input: {
  rubric: Rubric;
  sheets: readonly ScoreSheet[];
  /** Items to rank, including any without sheets yet; defaults to the items of the sheets. */
  itemIds?: readonly string[];
  options?: AggregationOptions;
}): AggregationResult {
  const { rubric, sheets } = input;
  const rankBy = input.options?.rankBy ?? 'trimmedMean';
  const outlierShare = input.options?.outlierShare ?? 0.2;
  const decimals = input.options?.decimals ?? 2;
  const maximumTotal = computeMaximumTotal(rubric);
  const sheetsByItem = new Map<string, ScoreSheet[]>();
  for (const itemId of input.itemIds ?? []) sheetsByItem.set(itemId, []);
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const key = `${sheet.itemId}\u0000${sheet.expertId}`;
    if (seen.has(key)) throw new Error(`two sheets from expert ${sheet.expertId} on item ${sheet.itemId}`);
    seen.add(key);
    let list = sheetsByItem.get(sheet.itemId);
    if (!list) {
      if (input.itemIds) throw new Error(`sheet for item ${sheet.itemId}, which is not being ranked`);
      list = [];
      sheetsByItem.set(sheet.itemId, list);
    }
    list.push(sheet);
  }

  const threshold = outlierShare * maximumTotal;
  const items: ItemAggregate[] = [...sheetsByItem].map(([itemId, itemSheets]) => {
    const totals = itemSheets.map((sheet) => ({
      expertId: sheet.expertId,
      total: computeSheetTotal(rubric, sheet.scores),
    }));
    const values = totals.map((entry) => entry.total);
    const sorted = [...values].sort((a, b) => a - b);
    const isTrimmed = sorted.length >= 3;
    const outliers: ScoreOutlier[] = [];
    // With two sheets either one could be the odd one out, so outliers need at least three.
    if (sorted.length >= 3)
      for (const entry of totals) {
        const others = [...sorted];
        others.splice(others.indexOf(entry.total), 1);
        const medianOfOthers = median(others);
        const deviation = Math.abs(entry.total - medianOfOthers);
        if (deviation > threshold)
          outliers.push({
            expertId: entry.expertId,
            total: roundTo(entry.total, decimals),
            medianOfOthers: roundTo(medianOfOthers, decimals),
            deviation: roundTo(deviation, decimals),
            reason: {
              zh: `评分 ${roundTo(entry.total, decimals)} 与其他专家评分的中位数 ${roundTo(medianOfOthers, decimals)} 相差 ${roundTo(deviation, decimals)} 分，超过满分的 ${roundTo(outlierShare * 100, 1)}%（${roundTo(threshold, decimals)} 分）`,
              en: `Score ${roundTo(entry.total, decimals)} is ${roundTo(deviation, decimals)} points from the other experts' median ${roundTo(medianOfOthers, decimals)}, more than ${roundTo(outlierShare * 100, 1)}% of the maximum (${roundTo(threshold, decimals)} points)`,
            },
          });
      }
    const votes = { pass: 0, fail: 0, none: 0 };
    for (const sheet of itemSheets) votes[sheet.vote ?? 'none']++;
    const criterionMeans: Record<string, number> = {};
    if (itemSheets.length > 0)
      for (const criterion of rubric.criteria)
        criterionMeans[criterion.id] = roundTo(
          average(itemSheets.map((sheet) => sheet.scores[criterion.id])),
          decimals,
        );
    const hasSheets = values.length > 0;
    return {
      itemId,
      sheetCount: itemSheets.length,
      totals: totals.map((entry) => ({ expertId: entry.expertId, total: roundTo(entry.total, decimals) })),
      mean: hasSheets ? roundTo(average(values), decimals) : null,
      trimmedMean: hasSheets ? roundTo(average(isTrimmed ? sorted.slice(1, -1) : sorted), decimals) : null,
      isTrimmed,
      median: hasSheets ? roundTo(median(sorted), decimals) : null,
      criterionMeans,
      votes,
      outliers,
      rank: null,
      isTied: false,
    };
  });

  const score = (item: ItemAggregate) => (rankBy === 'mean' ? item.mean : item.trimmedMean);
  items.sort((a, b) => {
    const scoreA = score(a);
    const scoreB = score(b);
    if (scoreA === null || scoreB === null)
      return scoreA === scoreB ? compareIds(a.itemId, b.itemId) : scoreA === null ? 1 : -1;
    return scoreB - scoreA || compareIds(a.itemId, b.itemId);
  });
  items.forEach((item, index) => {
    const value = score(item);
    if (value === null) return;
    const previous = index > 0 ? items[index - 1] : null;
    item.rank = previous && score(previous) === value ? (previous.rank as number) : index + 1;
  });
  items.forEach((item, index) => {
    if (item.rank === null) return;
    item.isTied = items[index - 1]?.rank === item.rank || items[index + 1]?.rank === item.rank;
  });
  return { maximumTotal, rankedBy: rankBy, items };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
