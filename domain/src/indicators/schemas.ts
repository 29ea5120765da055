import { z } from 'zod';
import { dateSchema } from '../schemas/common';
import { indicatorPeriodSchema } from './periods';

const textSchemaOut = z.object({ zh: z.string(), en: z.string() });

export const INDICATOR_UNITS = ['家', '项', '个', '万元', '亿元', '%', '人', '次', '期', '册'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The lines of work of the seed, in its order; the economy's own figures come first. */
export const INDICATOR_SECTIONS = [
  'economy',
  'cultivation',
  'plans',
  'transfer',
  'platforms',
  'talent',
  'services',
] as const;
export type IndicatorSection = (typeof INDICATOR_SECTIONS)[number];

export const INDICATOR_SECTION_LABELS: Record<IndicatorSection, { zh: string; en: string }> = {
  economy: { zh: '经济与研发投入', en: 'Economy and R&D' },
  cultivation: { zh: '科技型企业培育', en: 'Enterprise cultivation' },
  plans: { zh: '科技计划与资金', en: 'Plan projects and funds' },
  transfer: { zh: '技术转移', en: 'Technology transfer' },
  platforms: { zh: '科创载体', en: 'Innovation platforms' },
  talent: { zh: '人才', en: 'Talent' },
  services: { zh: '科技服务', en: 'Services' },
};

/** What the figure is: counted or summed records, a ratio or growth of other figures, or a statistic entered with its source. */
export const INDICATOR_KINDS = ['count', 'distinct', 'sum', 'ratio', 'growth', 'statistic'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_BREAKDOWNS = ['street', 'industry', 'category'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

export const indicatorDefinitionSchema = z.object({
  key: z.string(),
  module: z.string(),
  section: z.enum(INDICATOR_SECTIONS),
  name: textSchemaOut,
  description: textSchemaOut,
  unit: z.enum(INDICATOR_UNITS),
  kind: z.enum(INDICATOR_KINDS),
  /** Flow figures count what happened in the period; stock figures what stood at its end. */
  timing: z.enum(['flow', 'stock']).nullable(),
  breakdowns: z.array(z.enum(INDICATOR_BREAKDOWNS)),
  /** The records behind the figure can be listed (counts and sums; ratios drill into their parts). */
  drillable: z.boolean(),
  /** For ratios and growth: the figures it is made of. */
  parts: z.array(z.string()),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

const partSchema = z.object({
  key: z.string(),
  name: textSchemaOut,
  unit: z.enum(INDICATOR_UNITS),
  value: z.number().nullable(),
});

export const indicatorFigureSchema = z.object({
  key: z.string(),
  period: z.string(),
  periodLabel: textSchemaOut,
  from: z.string(),
  to: z.string(),
  /** In the indicator's unit (万元, 亿元, %, 家…); null when the data is incomplete. */
  value: z.number().nullable(),
  /** Records counted (counts and sums). */
  count: z.number().int().nullable(),
  /** The exact sum in 分 (sums). */
  amountFen: z.number().int().nullable(),
  numerator: partSchema.nullable(),
  denominator: partSchema.nullable(),
  previous: z.object({ period: z.string(), value: z.number().nullable() }).nullable(),
  /** Change on the same period a year earlier, percent with one decimal. */
  change: z.number().nullable(),
  /** percent: change in % of last year's figure; points: difference in 个百分点 (for % figures). */
  changeKind: z.enum(['percent', 'points']).nullable(),
  target: z
    .object({ value: z.number(), progress: z.number().nullable(), version: z.number().int() })
    .nullable(),
  /** Why there is no figure: each missing piece named (数据不完整). */
  incomplete: z.array(textSchemaOut),
  source: z.object({ name: z.string(), date: z.string() }).nullable(),
  /** 数据截至: when the figure was read from the records. */
  asOf: z.string(),
});
export type IndicatorFigure = z.infer<typeof indicatorFigureSchema>;

export const indicatorFiguresQuerySchema = z.strictObject({
  period: indicatorPeriodSchema,
  /** Comma-separated keys; all the caller may see when absent. */
  keys: z.string().max(4000).optional(),
});

export const indicatorRecordsQuerySchema = z.strictObject({
  period: indicatorPeriodSchema,
  street: z.string().max(100).optional(),
  industry: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IndicatorRecordsQuery = z.infer<typeof indicatorRecordsQuerySchema>;

export const indicatorRecordSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  onDate: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  street: z.string().nullable(),
  industry: z.string().nullable(),
  category: z.string().nullable(),
  /** Where the record opens in the web app, when it has a page. */
  path: z.string().nullable(),
});
export type IndicatorRecord = z.infer<typeof indicatorRecordSchema>;

export const indicatorRecordsPageSchema = z.object({
  key: z.string(),
  period: z.string(),
  items: z.array(indicatorRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The figure of exactly these records (all pages): it equals the dashboard's when no filter is set. */
  figure: indicatorFigureSchema,
});

export const indicatorBreakdownQuerySchema = z.strictObject({
  period: indicatorPeriodSchema,
  by: z.enum(INDICATOR_BREAKDOWNS),
});

export const indicatorBreakdownSchema = z.object({
  key: z.string(),
  period: z.string(),
  by: z.enum(INDICATOR_BREAKDOWNS),
  rows: z.array(
    z.object({
      group: z.string().nullable(),
      value: z.number(),
      count: z.number().int(),
      amountFen: z.number().int().nullable(),
    }),
  ),
});

export const indicatorTrendQuerySchema = z.strictObject({
  /** The year whose months are shown, and the years before it for the yearly line. */
  year: z.coerce.number().int().min(2000).max(2099),
  years: z.coerce.number().int().min(1).max(10).default(5),
});

export const indicatorTrendSchema = z.object({
  key: z.string(),
  /** 1–12 within the year (flow figures only; empty for stock figures and statistics). */
  months: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  years: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});

/** A finite, non-negative number with at most four decimals, named in the message when it is not. */
export const indicatorNumberSchema = z
  .number()
  .refine((value) => Number.isFinite(value), { params: { key: 'indicator.notANumber' } })
  .refine((value) => value >= 0, { params: { key: 'indicator.notNegative' } })
  .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, {
    params: { key: 'indicator.tooPrecise' },
  });

export const indicatorTargetSaveSchema = z.strictObject({
  value: indicatorNumberSchema,
  /** 0 to set a target for the first time; otherwise the version being changed. */
  version: z.number().int().min(0).max(2_147_483_647),
});

export const indicatorTargetParamsSchema = z.strictObject({
  key: z.string().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2099),
});

export const indicatorKeyParamsSchema = z.strictObject({ key: z.string().min(1).max(100) });

export const indicatorStatisticSaveSchema = z.strictObject({
  period: indicatorPeriodSchema,
  value: indicatorNumberSchema,
  source: z.string().trim().min(1).max(200),
  sourceDate: dateSchema,
  note: z.string().trim().max(500).default(''),
  version: z.number().int().min(0).max(2_147_483_647),
});

export const indicatorStatisticSchema = z.object({
  key: z.string(),
  period: z.string(),
  value: z.number(),
  source: z.string(),
  sourceDate: z.string(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
