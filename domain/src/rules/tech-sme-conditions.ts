import { formatFenAsWanYuan, formatFenAsYiYuan } from '../format';
import type { Text } from '../i18n';
import { formatAmountYuan, formatShortfallWanYuan, formatShortfallYuan } from './rule-math';
import type { RuleCondition, RuleGap } from './rule-result';
import { text } from './rule-text';
import type { TechSmeInput } from './tech-sme-input';
import type { TechSmePolicy } from './tech-sme-policy';

/** 科技型中小企业 第六条(一)–(四): who may be evaluated at all, each a row of the 体检 table with its gap. */

function declarationCondition(code: string, label: Text, value: boolean | undefined): RuleCondition {
  const status = value === undefined ? 'unknown' : value ? 'met' : 'notMet';
  return {
    code,
    label,
    status,
    actual: value === undefined ? null : value ? text('是', 'yes') : text('否', 'no'),
    required: text('是', 'yes'),
    gap: value === false ? { text: text(`不符合：${label.zh}`, `Not met: ${label.en}`) } : null,
  };
}

function limitCondition(
  code: string,
  label: Text,
  value: number,
  limit: number,
  unit: 'people' | 'fen',
): RuleCondition {
  const isMet = value <= limit;
  const over = value - limit;
  const isPeople = unit === 'people';
  const actual = isPeople
    ? text(`${value}人`, `${value}`)
    : text(formatFenAsWanYuan(value), formatAmountYuan(value));
  const required = isPeople
    ? text(`≤${limit}人`, `at most ${limit}`)
    : text(`≤${formatFenAsYiYuan(limit, 0)}`, `at most ${formatAmountYuan(limit)}`);
  let gap: RuleGap | null = null;
  if (!isMet) {
    gap = isPeople
      ? {
          text: text(
            `${label.zh}${value}人，超过上限${over}人`,
            `${label.en} ${value}, ${over} over the limit`,
          ),
          count: over,
        }
      : {
          text: text(
            `${label.zh}${formatFenAsWanYuan(value)}，超过${formatFenAsYiYuan(limit, 0)}上限${formatShortfallWanYuan(over)}`,
            `${label.en} ${formatAmountYuan(value)}, ${formatShortfallYuan(over)} over the limit`,
          ),
          amountFen: over,
        };
  }
  return { code, label, status: isMet ? 'met' : 'notMet', actual, required, gap };
}

export function eligibilityConditions(policy: TechSmePolicy, input: TechSmeInput): RuleCondition[] {
  const { figures, declarations = {} } = input;
  return [
    declarationCondition(
      'mainlandResident',
      text('在中国境内（不含港澳台）注册的居民企业', 'Resident enterprise registered in mainland China'),
      declarations.isMainlandResidentEnterprise,
    ),
    limitCondition(
      'employees',
      text('职工总数', 'Employees'),
      figures.employees,
      policy.maxEmployees,
      'people',
    ),
    limitCondition(
      'revenue',
      text('年销售收入', 'Annual sales revenue'),
      figures.revenueFen,
      policy.maxRevenueFen,
      'fen',
    ),
    limitCondition(
      'totalAssets',
      text('资产总额', 'Total assets'),
      figures.totalAssetsFen,
      policy.maxTotalAssetsFen,
      'fen',
    ),
    declarationCondition(
      'productsAllowed',
      text(
        '产品和服务不属于国家规定的禁止、限制和淘汰类',
        'Products are not in the prohibited, restricted or obsolete lists',
      ),
      declarations.isProductAllowed,
    ),
    declarationCondition(
      'cleanRecord',
      text(
        '上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单',
        'No major incident, serious violation or dishonesty this year or last, and not on the abnormal or dishonest lists',
      ),
      declarations.hasCleanRecord,
    ),
  ];
}
