import type {
  DateRange,
  IndicatorBreakdown,
  IndicatorSection,
  IndicatorUnit,
  Role,
  Text,
} from '@kechuang/domain';
import type { SQL } from 'drizzle-orm';

interface IndicatorBase {
  /** `<module>.<name>`, unique across the platform; report placeholders name it. */
  key: string;
  section: IndicatorSection;
  name: Text;
  /** How it is counted, in a sentence (shown on the dashboard and in the report's appendix). */
  description: Text;
  unit: IndicatorUnit;
  /** Roles that see the figure and its records; staff and leaders when absent. */
  roles?: readonly Role[];
}

/**
 * A figure computed from records. `records(range)` is one SELECT giving a row per record that
 * counts, with the columns `id`, `label`, `enterprise_id`, `enterprise_name`, `on_date`,
 * `amount_fen`, `street`, `industry` and `category` (null where they do not apply). The figure, its
 * breakdowns, trend and drill-down are all computed from that one query, so they cannot disagree.
 */
export interface RecordIndicator extends IndicatorBase {
  /** count: rows; distinct: distinct enterprises; sum: Σ amount_fen (the unit is 万元 or 亿元). */
  kind: 'count' | 'distinct' | 'sum';
  /** flow: what happened within the period (has a monthly trend); stock: what stood at its end. */
  timing: 'flow' | 'stock';
  breakdowns: readonly IndicatorBreakdown[];
  records(range: DateRange): SQL;
  /** The page a record opens on, from its row. */
  recordPath?(row: { id: number; enterpriseId: number | null }): string | null;
}

/** numerator / denominator (both other indicators' keys), as a percentage. */
export interface RatioIndicator extends IndicatorBase {
  kind: 'ratio';
  numerator: string;
  denominator: string;
  digits: number;
}

/** The change of another indicator on the same period a year earlier, as a percentage. */
export interface GrowthIndicator extends IndicatorBase {
  kind: 'growth';
  of: string;
  digits: number;
}

/** A figure published outside the bureau (统计局…), entered or imported with its source and date. */
export interface StatisticIndicator extends IndicatorBase {
  kind: 'statistic';
}

export type Indicator = RecordIndicator | RatioIndicator | GrowthIndicator | StatisticIndicator;

/** An indicator as the registry holds it: with the module that declared it. */
export type RegisteredIndicator = Indicator & { module: string };
