import type { Text } from '../text';

/** One grade of a type's scale; a score at or above `minScore` earns it (the highest that applies). */
export interface GradeDefinition {
  code: string;
  label: string;
  minScore: number;
  /** A failing grade counts towards the consequences. */
  failing?: boolean;
}

/**
 * A type's 绩效评价 rule as data (DOMAIN-RULES §7.2, DOMAIN-RULES-2 §11.1): its grade scale, the
 * failing grades that in a row lead to a warning and then to revocation.
 */
export interface EvaluationRule {
  grades: GradeDefinition[];
  /** Consecutive failing years after which the platform is warned (0: never). */
  warnAfterConsecutive: number;
  /** Consecutive failing years after which its qualification is revoked. */
  revokeAfterConsecutive: number;
}

export const DEFAULT_EVALUATION_RULE: EvaluationRule = {
  grades: [
    { code: 'excellent', label: '优秀', minScore: 90 },
    { code: 'good', label: '良好', minScore: 80 },
    { code: 'pass', label: '合格', minScore: 60 },
    { code: 'fail', label: '不合格', minScore: 0, failing: true },
  ],
  warnAfterConsecutive: 1,
  revokeAfterConsecutive: 2,
};

export type EvaluationConsequence = 'none' | 'warn' | 'revoke';
export const EVALUATION_CONSEQUENCE_LABELS: Record<EvaluationConsequence, Text> = {
  none: { zh: '无', en: 'None' },
  warn: { zh: '警告', en: 'Warning' },
  revoke: { zh: '撤销资格', en: 'Revocation' },
};

/** The grade a score earns on the scale (the scale's lowest when none applies). */
export function gradeForScore(rule: EvaluationRule, score: number): string {
  const sorted = [...rule.grades].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((grade) => score >= grade.minScore) ?? sorted[sorted.length - 1]).code;
}

/**
 * What the rule sets after a platform's latest grade: failing years in a row, counted back from
 * the latest, stop at a passing grade, at a year with no grade, and at the year of the platform's
 * last upgrade (a new level is a new qualification, judged afresh).
 */
export function consequenceOf(
  rule: EvaluationRule,
  history: readonly { year: number; grade: string | null }[],
  lastUpgradeYear: number | null,
): { consecutiveFailing: number; consequence: EvaluationConsequence } {
  const failing = new Set(rule.grades.filter((grade) => grade.failing).map((grade) => grade.code));
  const byYear = new Map(history.map((entry) => [entry.year, entry.grade]));
  const latest = Math.max(...history.map((entry) => entry.year));
  let count = 0;
  for (let year = latest; byYear.has(year); year--) {
    if (lastUpgradeYear !== null && year <= lastUpgradeYear) break;
    const grade = byYear.get(year);
    if (grade === null || grade === undefined || !failing.has(grade)) break;
    count++;
  }
  const consequence =
    count >= rule.revokeAfterConsecutive
      ? 'revoke'
      : rule.warnAfterConsecutive > 0 && count >= rule.warnAfterConsecutive
        ? 'warn'
        : 'none';
  return { consecutiveFailing: count, consequence };
}
