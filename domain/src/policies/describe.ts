import type { AmountRule, PolicyCondition } from './conditions';
import { OPERATOR_LABELS, PROFILE_FIELD_BY_KEY } from './fields';

const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;

/** A condition in plain words, as the guide and the portal print it. */
export function describeCondition(condition: PolicyCondition): string {
  const field = PROFILE_FIELD_BY_KEY.get(condition.field);
  if (condition.evidence !== 'data' || !field) {
    return `${condition.document ?? field?.label.zh ?? condition.field}（需提交材料）`;
  }
  const label = field.label.zh;
  const operator = OPERATOR_LABELS[condition.operator].zh;
  const value = condition.value;
  const unit = field.type === 'money' ? '万元' : field.type === 'percent' ? '%' : '';
  let text: string;
  if (condition.operator === 'exists') text = `${label}${operator}`;
  else if (condition.operator === 'withinYears') text = `${label}在近${value}年内`;
  else if (typeof value === 'boolean') text = value ? label : `非${label}`;
  else if (Array.isArray(value) && condition.operator === 'between')
    text = `${label}${operator}${value[0]}～${value[1]}${unit}`;
  else if (Array.isArray(value)) text = `${label}${operator}${value.join('、')}`;
  else text = `${label}${operator}${value}${unit}`;
  return condition.required ? text : `${text}（优先条件）`;
}

/** An amount rule in plain words: "一次性奖励10万元", "按研发费用同比增加额的10%给予补助，最高50万元、最低5万元". */
export function describeAmount(rule: AmountRule): string {
  if (rule.kind === 'none') return '按政策规定享受';
  if (rule.kind === 'fixed') return `一次性奖补${wan(rule.amountFen)}`;
  const base = PROFILE_FIELD_BY_KEY.get(rule.baseField)?.label.zh ?? rule.baseField;
  const limits = [
    rule.capFen === null ? null : `最高${wan(rule.capFen)}`,
    rule.floorFen === null ? null : `最低${wan(rule.floorFen)}`,
  ].filter(Boolean);
  return `按${base}的${rule.ratePercent}%给予奖补${limits.length ? `，${limits.join('、')}` : ''}`;
}
