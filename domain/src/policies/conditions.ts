import type { Text } from '../text';
import {
  type ConditionOperator,
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  PROFILE_FIELD_BY_KEY,
  type ProfileField,
} from './fields';

/** Where a condition is proven: the bureau's data, a document from the applicant, or a department's check. */
export const EVIDENCE_SOURCES = ['data', 'applicant', 'dept'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * A condition as data: a profile field, an operator and a value (money in 万元, percentages as
 * numbers, `between` as [from, to], `in` as a list, `withinYears` as N). `required` conditions gate
 * the item; the others only rank it. A condition proven by a document cannot be decided from data.
 */
export interface PolicyCondition {
  field: string;
  operator: ConditionOperator;
  value: number | boolean | string | string[] | [number, number] | null;
  required: boolean;
  evidence: EvidenceSource;
  /** The document asked for when the evidence is not the bureau's data. */
  document?: string | null;
}

export type AmountRule =
  | { kind: 'none' }
  | { kind: 'fixed'; amountFen: number }
  | {
      kind: 'percent';
      baseField: string;
      ratePercent: number;
      capFen: number | null;
      floorFen: number | null;
    };

/** One enterprise's data by field key; money in 分; a missing key means the bureau does not hold it. */
export type PolicyProfile = Readonly<Record<string, number | boolean | string | null | undefined>>;

export type PolicyConditionStatus = 'met' | 'unmet' | 'unknown' | 'document';

export interface ConditionResult {
  condition: PolicyCondition;
  status: PolicyConditionStatus;
  /** The value that decided it, in the field's display unit (万元 for money). */
  actual: number | boolean | string | null;
  /** For an unmet lower bound: how much is lacking, in the field's display unit. */
  shortfall: number | null;
  text: Text;
}

export type ItemOutcome = 'eligible' | 'unknown' | 'ineligible';

export interface ItemEvaluation {
  outcome: ItemOutcome;
  conditions: ConditionResult[];
  /** The expected amount in 分 where it can be computed; null when a figure it needs is missing. */
  amountFen: number | null;
  /** For ranking: eligible first, then the fewest failed and unknown required conditions, then scoring ones met. */
  rank: number;
}

const FEN_PER_WAN = 1_000_000;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The profile value in the field's display unit (万元 for money), or null when not held. */
function displayValue(field: ProfileField, raw: PolicyProfile[string]): number | boolean | string | null {
  if (raw === undefined || raw === null) return null;
  if (field.type === 'money' && typeof raw === 'number') return round2(raw / FEN_PER_WAN);
  return raw;
}

function unitOf(field: ProfileField): string {
  if (field.type === 'money') return '万元';
  if (field.type === 'percent') return '%';
  if (field.type === 'year') return '年';
  return '';
}

function formatValue(field: ProfileField, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) {
    return field.type === 'text' ? value.join('、') : `${value[0]}～${value[1]}${unitOf(field)}`;
  }
  if (typeof value === 'number' && field.type === 'money') return `${value.toFixed(2)}万元`;
  if (typeof value === 'number' && field.type === 'percent') return `${value}%`;
  return String(value);
}

function compare(
  operator: ConditionOperator,
  actual: number | boolean | string,
  value: PolicyCondition['value'],
  year: number,
): boolean {
  switch (operator) {
    case 'eq':
      return actual === value;
    case 'ne':
      return actual !== value;
    case 'in':
      return Array.isArray(value) && (value as unknown[]).includes(actual);
    case 'notIn':
      return Array.isArray(value) && !(value as unknown[]).includes(actual);
    case 'gte':
      return (actual as number) >= (value as number);
    case 'gt':
      return (actual as number) > (value as number);
    case 'lte':
      return (actual as number) <= (value as number);
    case 'lt':
      return (actual as number) < (value as number);
    case 'between': {
      const [from, to] = value as [number, number];
      return (actual as number) >= from && (actual as number) <= to;
    }
    case 'exists':
      return true;
    case 'withinYears':
      return (actual as number) <= year && year - (actual as number) < (value as number);
  }
}

/** One condition against one profile for the year the match is run for. */
export function evaluateCondition(
  condition: PolicyCondition,
  profile: PolicyProfile,
  year: number,
): ConditionResult {
  const field = PROFILE_FIELD_BY_KEY.get(condition.field);
  const label = field?.label ?? { zh: condition.field, en: condition.field };
  const operator = OPERATOR_LABELS[condition.operator];
  if (condition.evidence !== 'data' || !field) {
    const document = condition.document ?? label.zh;
    return {
      condition,
      status: 'document',
      actual: null,
      shortfall: null,
      text: { zh: `需提交材料：${document}`, en: `Needs a document: ${condition.document ?? label.en}` },
    };
  }
  const wanted = formatValue(field, condition.value);
  const head = (language: 'zh' | 'en') => {
    if (condition.operator === 'exists') return `${label[language]} ${operator[language]}`;
    if (condition.operator === 'withinYears') {
      return language === 'zh'
        ? `${label.zh} 在近${wanted}年内`
        : `${label.en} within the last ${wanted} years`;
    }
    return `${label[language]} ${operator[language]} ${wanted}`;
  };
  const actual = displayValue(field, profile[condition.field]);
  if (actual === null) {
    if (condition.operator === 'exists') {
      return {
        condition,
        status: 'unmet',
        actual,
        shortfall: null,
        text: { zh: `${head('zh')}：无记录`, en: `${head('en')}: none on record` },
      };
    }
    return {
      condition,
      status: 'unknown',
      actual,
      shortfall: null,
      text: { zh: `${head('zh')}：缺少数据`, en: `${head('en')}: no data` },
    };
  }
  const met = compare(condition.operator, actual, condition.value, year);
  const shown = formatValue(field, actual);
  let shortfall: number | null = null;
  if (!met && typeof actual === 'number' && (condition.operator === 'gte' || condition.operator === 'gt')) {
    shortfall = round2((condition.value as number) - actual);
  } else if (!met && typeof actual === 'number' && condition.operator === 'between') {
    const [from] = condition.value as [number, number];
    if (actual < from) shortfall = round2(from - actual);
  }
  const gap = shortfall !== null && shortfall > 0 ? `，差 ${formatValue(field, shortfall)}` : '';
  const gapEn = shortfall !== null && shortfall > 0 ? `, short by ${formatValue(field, shortfall)}` : '';
  return {
    condition,
    status: met ? 'met' : 'unmet',
    actual,
    shortfall,
    text: met
      ? { zh: `${head('zh')}：实际 ${shown}，符合`, en: `${head('en')}: ${shown}, met` }
      : { zh: `${head('zh')}：实际 ${shown}，不符合${gap}`, en: `${head('en')}: ${shown}, not met${gapEn}` },
  };
}

/** The amount an item pays one enterprise, in 分: fixed, or a share of a figure kept between floor and cap. */
export function computeAmount(rule: AmountRule, profile: PolicyProfile): number | null {
  if (rule.kind === 'none') return null;
  if (rule.kind === 'fixed') return rule.amountFen;
  const base = profile[rule.baseField];
  if (typeof base !== 'number') return null;
  if (base <= 0) return 0;
  let amount = Math.round((base * rule.ratePercent) / 100);
  if (rule.floorFen !== null && amount < rule.floorFen) amount = rule.floorFen;
  if (rule.capFen !== null && amount > rule.capFen) amount = rule.capFen;
  return amount;
}

/** An item against one profile: every condition with its reason, the outcome and the expected amount. */
export function evaluateItem(
  item: { conditions: readonly PolicyCondition[]; amount: AmountRule },
  profile: PolicyProfile,
  year: number,
): ItemEvaluation {
  const conditions = item.conditions.map((condition) => evaluateCondition(condition, profile, year));
  const required = conditions.filter((result) => result.condition.required);
  const failed = required.filter((result) => result.status === 'unmet').length;
  const open = required.filter(
    (result) => result.status === 'unknown' || result.status === 'document',
  ).length;
  const scoring = conditions.filter((result) => !result.condition.required && result.status === 'met').length;
  const outcome: ItemOutcome = failed > 0 ? 'ineligible' : open > 0 ? 'unknown' : 'eligible';
  const amountFen = outcome === 'ineligible' ? null : computeAmount(item.amount, profile);
  const rank =
    (outcome === 'eligible' ? 0 : outcome === 'unknown' ? 1000 : 2000) + failed * 10 + open - scoring / 100;
  return { outcome, conditions, amountFen, rank };
}

/** What is wrong with a condition as entered: the path under the condition and the message key. */
export function findConditionProblem(condition: PolicyCondition): { path: string; key: string } | null {
  const field = PROFILE_FIELD_BY_KEY.get(condition.field);
  if (!field) return { path: 'field', key: 'policies.fieldUnknown' };
  if (!OPERATORS_BY_TYPE[field.type].includes(condition.operator)) {
    return { path: 'operator', key: 'policies.operatorNotOfField' };
  }
  const value = condition.value;
  const isNumber = (candidate: unknown) => typeof candidate === 'number' && Number.isFinite(candidate);
  switch (condition.operator) {
    case 'exists':
      return null;
    case 'between':
      return Array.isArray(value) &&
        value.length === 2 &&
        isNumber(value[0]) &&
        isNumber(value[1]) &&
        (value[0] as number) <= (value[1] as number)
        ? null
        : { path: 'value', key: 'policies.valueRange' };
    case 'in':
    case 'notIn':
      return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string')
        ? null
        : { path: 'value', key: 'policies.valueList' };
    case 'withinYears':
      return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 50
        ? null
        : { path: 'value', key: 'policies.valueYears' };
    default:
      if (field.type === 'boolean')
        return typeof value === 'boolean' ? null : { path: 'value', key: 'policies.valueBoolean' };
      if (field.type === 'text')
        return typeof value === 'string' && value.trim() !== ''
          ? null
          : { path: 'value', key: 'policies.valueText' };
      return isNumber(value) ? null : { path: 'value', key: 'policies.valueNumber' };
  }
}

/** What is wrong with an amount rule: the base must be a money figure and the cap not below the floor. */
export function findAmountProblem(rule: AmountRule): { path: string; key: string } | null {
  if (rule.kind !== 'percent') return null;
  const field = PROFILE_FIELD_BY_KEY.get(rule.baseField);
  if (field?.type !== 'money') return { path: 'baseField', key: 'policies.baseNotMoney' };
  if (rule.capFen !== null && rule.floorFen !== null && rule.capFen < rule.floorFen) {
    return { path: 'capFen', key: 'policies.capBelowFloor' };
  }
  return null;
}

/** 免申即享 is allowed only where every required condition is decided from the bureau's data. */
export function canFulfilWithoutApplication(conditions: readonly PolicyCondition[]): boolean {
  return conditions.every((condition) => !condition.required || condition.evidence === 'data');
}
