import type { EnterpriseYearFigures } from './enterprise-figures';
import {
  atLeast,
  cleanRecordCondition,
  fieldCondition,
  innovationCondition,
  ipCondition,
  missingFigures,
  parseDate,
  rdConditions,
  registrationCondition,
  type ShareCheck,
  shareOfWholeCondition,
} from './high-tech-conditions';
import { assessInnovation, type InnovationAssessment } from './high-tech-innovation';
import type { HighTechInput, HighTechSums, RdIntensity } from './high-tech-input';
import { HIGH_TECH_POLICY_2016, type HighTechPolicy } from './high-tech-policy';
import { formatShortfallWanYuan, formatShortfallYuan } from './rule-math';
import type { RuleCondition, RuleGap } from './rule-result';
import { text } from './rule-text';

export type { HighTechInput, HighTechSums, RdIntensity } from './high-tech-input';

export interface HighTechEvaluation {
  policyId: string;
  documentNumbers: readonly string[];
  applicationYear: number;
  /** The accounting years the conditions read, oldest first. */
  years: number[];
  /** Accounting years without figures; the conditions that need them are `unknown`. */
  missingYears: number[];
  /** The R&D intensity the latest year's revenue calls for; null without that year. */
  rdIntensity: RdIntensity | null;
  sums: HighTechSums | null;
  conditions: RuleCondition[];
  innovation: InnovationAssessment;
  /** notMet when any condition fails; unknown when none fails but some cannot be decided yet. */
  status: RuleCondition['status'];
  gaps: RuleGap[];
}

/**
 * 高新技术企业认定 conditions for an application on `applicationDate`. Pure; figures must have passed
 * enterpriseYearFiguresSchema.
 */
export function evaluateHighTech(
  input: HighTechInput,
  policy: HighTechPolicy = HIGH_TECH_POLICY_2016,
): HighTechEvaluation {
  const applicationYear = parseDate(input.applicationDate).getUTCFullYear();
  const registeredYear = parseDate(input.registeredOn).getUTCFullYear();
  const firstYear = Math.max(applicationYear - policy.accountingYears, registeredYear);
  const years: number[] = [];
  for (let year = firstYear; year < applicationYear; year += 1) years.push(year);
  const byYear = new Map(input.figures.map((figures) => [figures.year, figures]));
  const missingYears = years.filter((year) => !byYear.has(year));
  const windowFigures = years.flatMap((year) => byYear.get(year) ?? []);
  const latest = byYear.get(applicationYear - 1);
  const hasAllYears = years.length > 0 && missingYears.length === 0;

  const conditions: RuleCondition[] = [registrationCondition(policy, input), ipCondition(latest, input)];
  conditions.push(fieldCondition(policy, input.technologyField));

  const ratioCondition = (
    check: Omit<ShareCheck, 'part' | 'whole'>,
    part: keyof EnterpriseYearFigures,
    whole: keyof EnterpriseYearFigures,
  ) =>
    latest
      ? shareOfWholeCondition({ ...check, part: Number(latest[part]), whole: Number(latest[whole]) })
      : missingFigures(check.code, check.label, atLeast(check.minPercent), [applicationYear - 1]);

  conditions.push(
    ratioCondition(
      {
        code: 'sciTechStaffShare',
        label: text('科技人员占职工总数比例', 'S&T staff share of employees'),
        minPercent: policy.minSciTechStaffPercent,
        unit: 'count',
        describe: (actual, minimum, count) =>
          text(
            `科技人员占比${actual.zh}，需≥${minimum}，还需增加${count}名科技人员`,
            `S&T staff share ${actual.en}, ${minimum} needed: add ${count} S&T staff`,
          ),
      },
      'sciTechStaff',
      'employees',
    ),
  );

  const rd = rdConditions(policy, latest, hasAllYears ? windowFigures : null, {
    absentYears: missingYears.length ? missingYears : [applicationYear - 1],
    yearCount: years.length,
  });
  conditions.push(...rd.conditions);

  // 同期总收入 is read as the year's 销售收入; 收入总额 less 不征税收入 can be larger (工作指引 [M]).
  conditions.push(
    ratioCondition(
      {
        code: 'highTechRevenueShare',
        label: text('近一年高新技术产品（服务）收入占总收入比例', 'High-tech revenue share, latest year'),
        minPercent: policy.minHighTechRevenuePercent,
        unit: 'amountFen',
        describe: (actual, minimum, amountFen) =>
          text(
            `高新技术产品（服务）收入占比${actual.zh}，需≥${minimum}，还需增加高新技术产品（服务）收入${formatShortfallWanYuan(amountFen)}`,
            `High-tech revenue share ${actual.en}, ${minimum} needed: ${formatShortfallYuan(amountFen)} more high-tech revenue`,
          ),
      },
      'highTechRevenueFen',
      'revenueFen',
    ),
  );

  const innovation = assessInnovation(windowFigures, input.expertGrades, policy.innovation);
  conditions.push(innovationCondition(innovation), cleanRecordCondition(input.hasCleanRecord));

  const status = conditions.some((condition) => condition.status === 'notMet')
    ? 'notMet'
    : conditions.some((condition) => condition.status === 'unknown')
      ? 'unknown'
      : 'met';
  return {
    policyId: policy.id,
    documentNumbers: policy.documentNumbers,
    applicationYear,
    years,
    missingYears,
    rdIntensity: rd.rdIntensity,
    sums: rd.sums,
    conditions,
    innovation,
    status,
    gaps: conditions.flatMap((condition) =>
      condition.status === 'notMet' && condition.gap ? [condition.gap] : [],
    ),
  };
}
