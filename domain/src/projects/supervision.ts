import type { Text } from '../i18n';
import { BUDGET_CATEGORIES, type BudgetCategory } from './application-content';

/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export interface ReportPeriod {
  periodNo: number;
  periodStart: string;
  periodEnd: string;
  /** The report is due on the first day after its period. */
  dueOn: string;
}

/** What a periodic report is called by its interval: 季度, 半年度 or 年度 执行情况报告. */
export function describeReportInterval(intervalMonths: number): Text {
  if (intervalMonths === 3) return { zh: '季度执行情况报告', en: 'Quarterly progress report' };
  if (intervalMonths === 6) return { zh: '半年度执行情况报告', en: 'Half-yearly progress report' };
  if (intervalMonths === 12) return { zh: '年度执行情况报告', en: 'Annual progress report' };
  return { zh: `${intervalMonths} 个月执行情况报告`, en: `${intervalMonths}-month progress report` };
}

/**
 * Progress reports of a project: one every `intervalMonths` from the start, each due the day after its
 * period, for the periods that end before the (possibly extended) end; the last period is closed by
 * the final (acceptance) report instead.
 */
export function buildReportSchedule(options: {
  startOn: string;
  endOn: string;
  intervalMonths: number;
}): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  if (options.intervalMonths < 1) return periods;
  for (let periodNo = 1; periodNo <= 240; periodNo++) {
    const dueOn = addMonths(options.startOn, periodNo * options.intervalMonths);
    if (dueOn > options.endOn) break;
    periods.push({
      periodNo,
      periodStart: addMonths(options.startOn, (periodNo - 1) * options.intervalMonths),
      periodEnd: addDays(dueOn, -1),
      dueOn,
    });
  }
  return periods;
}

/** Reminders go out this many days before a report is due. */
export const REPORT_REMINDER_DAYS = 15;

export type TargetCompletion = 'yes' | 'partly' | 'no';

/** 考核指标完成率: targets completed (partly counts half) over all targets, as a fraction 0–1. */
export function computeCompletionRate(targets: readonly { completion: TargetCompletion }[]): number | null {
  if (targets.length === 0) return null;
  const done = targets.reduce(
    (sum, target) => sum + (target.completion === 'yes' ? 1 : target.completion === 'partly' ? 0.5 : 0),
    0,
  );
  return done / targets.length;
}

/**
 * The 安阳 thresholds as guidance for the acceptance panel: under 80 % 不通过验收, under 90 % 需要复议,
 * otherwise 通过 is open to the panel. The panel decides; this only says what the rules suggest.
 */
export function suggestAcceptanceOutcome(rate: number | null): {
  outcome: 'passed' | 'needsReconsideration' | 'failed' | null;
  text: Text;
} {
  if (rate === null) return { outcome: null, text: { zh: '无考核指标，无法计算完成率', en: 'No targets' } };
  if (rate < 0.8)
    return {
      outcome: 'failed',
      text: { zh: '完成率低于 80%，按规定建议不通过验收', en: 'Below 80 %: the rules suggest failing' },
    };
  if (rate < 0.9)
    return {
      outcome: 'needsReconsideration',
      text: { zh: '完成率低于 90%，按规定建议需要复议', en: 'Below 90 %: the rules suggest reconsideration' },
    };
  return {
    outcome: 'passed',
    text: { zh: '完成率达到 90%，可通过验收', en: 'At least 90 %: may pass' },
  };
}

export interface RuleProblem {
  path: string;
  message: Text;
}

/** 延期: once per project, to a date after the current end and at most one year after the contracted end. */
export function checkExtension(options: {
  endOn: string;
  newEndOn: string;
  /** An extension already approved, or another one waiting for a decision. */
  hasOtherExtension: boolean;
}): RuleProblem | null {
  if (options.hasOtherExtension)
    return {
      path: 'newEndOn',
      message: {
        zh: '延期：每个项目只能延期一次，本项目已申请过延期',
        en: 'Extension: a project may be extended only once, and this one already was',
      },
    };
  if (options.newEndOn <= options.endOn)
    return {
      path: 'newEndOn',
      message: {
        zh: `延期后的结束日期：应晚于原结束日期 ${options.endOn}`,
        en: `New end date: must be after ${options.endOn}`,
      },
    };
  const latest = addMonths(options.endOn, 12);
  if (options.newEndOn > latest)
    return {
      path: 'newEndOn',
      message: {
        zh: `延期后的结束日期：延期不能超过一年（最晚 ${latest}）`,
        en: `New end date: an extension may not exceed one year (${latest} at the latest)`,
      },
    };
  return null;
}

export interface BudgetRow {
  category: BudgetCategory;
  fiscalFen: number;
  selfRaisedFen: number;
  otherFen: number;
}

const categoryLabel = (category: BudgetCategory): string =>
  BUDGET_CATEGORIES.find((item) => item.code === category)?.zh ?? category;

/**
 * 预算调整: each category once, the district funds in all rows together within the approved amount,
 * and the adjusted total (all sources) within the total before the adjustment. Problems name the cell.
 */
export function checkBudgetAdjustment(options: {
  rows: readonly BudgetRow[];
  approvedFen: number;
  previousTotalFen: number | null;
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  options.rows.forEach((row, index) => {
    if (seen.has(row.category))
      problems.push({
        path: `budget.${index}.category`,
        message: {
          zh: `预算科目：第 ${index + 1} 行的「${categoryLabel(row.category)}」重复`,
          en: `Budget category: row ${index + 1} repeats ${row.category}`,
        },
      });
    seen.add(row.category);
  });
  if (options.rows.length === 0)
    problems.push({
      path: 'budget',
      message: { zh: '调整后预算：至少填写一行', en: 'Adjusted budget: at least one row' },
    });
  const fiscal = options.rows.reduce((sum, row) => sum + row.fiscalFen, 0);
  if (fiscal > options.approvedFen)
    problems.push({
      path: 'budget',
      message: {
        zh: `调整后预算：财政资金合计 ${formatWan(fiscal)} 万元，超过立项批准的 ${formatWan(options.approvedFen)} 万元`,
        en: `Adjusted budget: district funds ${formatWan(fiscal)} exceed the approved ${formatWan(options.approvedFen)} (10k yuan)`,
      },
    });
  const total = options.rows.reduce((sum, row) => sum + row.fiscalFen + row.selfRaisedFen + row.otherFen, 0);
  if (options.previousTotalFen !== null && total > options.previousTotalFen)
    problems.push({
      path: 'budget',
      message: {
        zh: `调整后预算：总预算 ${formatWan(total)} 万元，超过调整前的 ${formatWan(options.previousTotalFen)} 万元`,
        en: `Adjusted budget: total ${formatWan(total)} exceeds the previous ${formatWan(options.previousTotalFen)} (10k yuan)`,
      },
    });
  return problems;
}

function formatWan(fen: number): string {
  return (fen / 1_000_000).toFixed(2);
}

export const MID_TERM_RESULTS: readonly ({ code: MidTermResult } & Text)[] = [
  { code: 'good', zh: '良好', en: 'Good' },
  { code: 'qualified', zh: '合格', en: 'Qualified' },
  { code: 'needsRectification', zh: '需整改', en: 'Needs rectification' },
  { code: 'unqualified', zh: '不合格', en: 'Unqualified' },
];
export type MidTermResult = 'good' | 'qualified' | 'needsRectification' | 'unqualified';

export const CHANGE_KINDS: readonly ({ code: ChangeKind } & Text)[] = [
  { code: 'principal', zh: '变更项目负责人', en: 'Principal investigator' },
  { code: 'members', zh: '变更项目成员', en: 'Members' },
  { code: 'budget', zh: '预算调整', en: 'Budget adjustment' },
  { code: 'extension', zh: '项目延期', en: 'Extension' },
];
export type ChangeKind = 'principal' | 'members' | 'budget' | 'extension';

export const ACCEPTANCE_OUTCOMES: readonly ({ code: AcceptanceOutcome } & Text)[] = [
  { code: 'passed', zh: '通过验收', en: 'Passed' },
  { code: 'passedAfterRectification', zh: '整改后通过', en: 'Passed after rectification' },
  { code: 'needsReconsideration', zh: '需要复议', en: 'Needs reconsideration' },
  { code: 'closedWithoutPass', zh: '结题', en: 'Closed without pass' },
  { code: 'failed', zh: '不通过验收', en: 'Failed' },
];
export type AcceptanceOutcome =
  | 'passed'
  | 'passedAfterRectification'
  | 'needsReconsideration'
  | 'closedWithoutPass'
  | 'failed';

/** One rectification only, by default within three months of the decision. */
export const RECTIFICATION_DEFAULT_MONTHS = 3;
