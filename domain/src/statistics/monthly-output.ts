import { z } from 'zod';
import type { FieldLabels, Text } from '../text';

/** The same ceiling as the yearly figures: 10万亿元 in 分 keeps every district sum a safe integer. */
const MAX_FEN = 1e15;

const amountFenSchema = z
  .number()
  .int()
  .max(MAX_FEN)
  .refine((value) => value >= 0, { params: { key: 'figures.negative' } });

/** A statistical month, `YYYY-MM` (2021-06). */
export const periodSchema = z.string().regex(/^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])$/);
export type Period = z.infer<typeof periodSchema>;

/**
 * One enterprise's output in one month, as filed for the 高新技术产业 statistics.
 * 规上 is recorded per month because an enterprise can enter or leave 规模以上 during a year.
 */
export const monthlyOutputSchema = z
  .strictObject({
    period: periodSchema,
    /** 工业总产值 of the month (当年价格). */
    industrialOutputFen: amountFenSchema,
    /** 高新技术产业产值: the part of the output in industries of the provincial 高新技术产业统计目录. */
    highTechOutputFen: amountFenSchema,
    /** 规模以上工业企业 in this month. */
    isAboveDesignatedSize: z.boolean(),
  })
  .superRefine((output, context) => {
    // A negative total is already refused; comparing against it would only repeat that.
    if (output.industrialOutputFen >= 0 && output.highTechOutputFen > output.industrialOutputFen) {
      context.addIssue({
        code: 'custom',
        path: ['highTechOutputFen'],
        params: { key: 'output.highTechAboveTotal' },
        input: output.highTechOutputFen,
      });
    }
  });
export type MonthlyOutput = z.infer<typeof monthlyOutputSchema>;

export const MONTHLY_OUTPUT_FIELD_LABELS: FieldLabels = {
  period: { zh: '统计月份', en: 'Month' },
  industrialOutputFen: { zh: '工业总产值', en: 'Industrial output value' },
  highTechOutputFen: { zh: '高新技术产业产值', en: 'High-tech industry output value' },
  isAboveDesignatedSize: { zh: '是否规上企业', en: 'Above designated size' },
  from: { zh: '起始月份', en: 'From month' },
  to: { zh: '截止月份', en: 'To month' },
};

export const MONTHLY_OUTPUT_ISSUE_MESSAGES: Record<string, Text> = {
  'period.order': { zh: '不能早于起始月份', en: 'cannot be before the start month' },
  'period.span': { zh: '统计区间不能超过 120 个月', en: 'cannot span more than 120 months' },
  'output.highTechAboveTotal': { zh: '不能多于工业总产值', en: 'cannot exceed the industrial output value' },
};

/** Months since year 0: lets ranges be compared, measured and shifted by a year. */
export function periodIndex(period: Period): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

export function periodFromIndex(index: number): Period {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The same months one year earlier (同期). */
export function shiftPeriodByYears(period: Period, years: number): Period {
  return periodFromIndex(periodIndex(period) + years * 12);
}

/** `from..to` as a query: both months, `from` not after `to`, at most ten years. */
export const periodRangeSchema = z
  .strictObject({ from: periodSchema, to: periodSchema })
  .superRefine((range, context) => {
    if (!periodSchema.safeParse(range.from).success || !periodSchema.safeParse(range.to).success) return;
    const months = periodIndex(range.to) - periodIndex(range.from) + 1;
    if (months < 1) {
      context.addIssue({ code: 'custom', path: ['to'], params: { key: 'period.order' }, input: range.to });
    } else if (months > 120) {
      context.addIssue({ code: 'custom', path: ['to'], params: { key: 'period.span' }, input: range.to });
    }
  });
export type PeriodRange = z.infer<typeof periodRangeSchema>;
