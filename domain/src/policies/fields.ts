import type { Text } from '../text';

/** The type of a profile field decides which operators fit it. */
export type ProfileFieldType = 'money' | 'number' | 'percent' | 'boolean' | 'text' | 'year';

export interface ProfileField {
  key: string;
  type: ProfileFieldType;
  label: Text;
  /** Where the bureau holds the figure (shown as the condition's evidence). */
  dataset: Text;
}

const registry: Text = { zh: '企业库', en: 'Enterprise registry' };
const cultivation: Text = { zh: '企业培育', en: 'Cultivation' };
const figures: Text = { zh: '企业年度数据', en: 'Yearly figures' };

/**
 * Every field a condition may name: the enterprise's registry entry, its 科技型中小企业 / 高企
 * standing and its yearly figures (the year the match is run for; `Prev` = the year before).
 * Money is held in 分 and written in 万元 in conditions.
 */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  { key: 'enterprise.street', type: 'text', label: { zh: '所属街道/镇', en: 'Street' }, dataset: registry },
  { key: 'enterprise.industry', type: 'text', label: { zh: '所属行业', en: 'Industry' }, dataset: registry },
  { key: 'enterprise.size', type: 'text', label: { zh: '企业规模', en: 'Size' }, dataset: registry },
  {
    key: 'enterprise.foundedYear',
    type: 'year',
    label: { zh: '成立年份', en: 'Year founded' },
    dataset: registry,
  },
  {
    key: 'enterprise.verified',
    type: 'boolean',
    label: { zh: '已通过企业认证', en: 'Verified' },
    dataset: registry,
  },
  {
    key: 'techSme.registered',
    type: 'boolean',
    label: { zh: '当年入库科技型中小企业', en: 'Tech SME this year' },
    dataset: cultivation,
  },
  {
    key: 'techSme.firstYear',
    type: 'year',
    label: { zh: '首次入库科技型中小企业年份', en: 'First tech-SME year' },
    dataset: cultivation,
  },
  {
    key: 'hte.valid',
    type: 'boolean',
    label: { zh: '高新技术企业证书有效', en: 'High-tech certificate valid' },
    dataset: cultivation,
  },
  {
    key: 'hte.firstYear',
    type: 'year',
    label: { zh: '首次认定高新技术企业年份', en: 'First high-tech year' },
    dataset: cultivation,
  },
  {
    key: 'hte.latestYear',
    type: 'year',
    label: { zh: '最近一次认定高新技术企业年份', en: 'Latest high-tech year' },
    dataset: cultivation,
  },
  { key: 'figures.employees', type: 'number', label: { zh: '职工人数', en: 'Employees' }, dataset: figures },
  {
    key: 'figures.sciTechStaff',
    type: 'number',
    label: { zh: '科技人员数', en: 'S&T staff' },
    dataset: figures,
  },
  { key: 'figures.revenue', type: 'money', label: { zh: '营业收入', en: 'Revenue' }, dataset: figures },
  { key: 'figures.rdExpense', type: 'money', label: { zh: '研发费用', en: 'R&D expense' }, dataset: figures },
  {
    key: 'figures.rdExpensePrev',
    type: 'money',
    label: { zh: '上年研发费用', en: 'R&D expense, previous year' },
    dataset: figures,
  },
  {
    key: 'figures.rdIncrease',
    type: 'money',
    label: { zh: '研发费用同比增加额', en: 'R&D increase' },
    dataset: figures,
  },
  {
    key: 'figures.rdRatio',
    type: 'percent',
    label: { zh: '研发费用占营业收入比例', en: 'R&D share of revenue' },
    dataset: figures,
  },
  {
    key: 'figures.aboveDesignatedSize',
    type: 'boolean',
    label: { zh: '规模以上企业', en: 'Above designated size' },
    dataset: figures,
  },
];

export const PROFILE_FIELD_BY_KEY: ReadonlyMap<string, ProfileField> = new Map(
  PROFILE_FIELDS.map((field) => [field.key, field]),
);

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'in',
  'notIn',
  'gte',
  'gt',
  'lte',
  'lt',
  'between',
  'exists',
  'withinYears',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATOR_LABELS: Record<ConditionOperator, Text> = {
  eq: { zh: '等于', en: 'equals' },
  ne: { zh: '不等于', en: 'differs from' },
  in: { zh: '属于', en: 'is one of' },
  notIn: { zh: '不属于', en: 'is none of' },
  gte: { zh: '不低于', en: 'at least' },
  gt: { zh: '高于', en: 'above' },
  lte: { zh: '不高于', en: 'at most' },
  lt: { zh: '低于', en: 'below' },
  between: { zh: '介于', en: 'between' },
  exists: { zh: '有记录', en: 'is on record' },
  withinYears: { zh: '在近N年内', en: 'within the last N years' },
};

/** Which operators fit which field type (a condition naming another is refused). */
export const OPERATORS_BY_TYPE: Record<ProfileFieldType, readonly ConditionOperator[]> = {
  money: ['gte', 'gt', 'lte', 'lt', 'between', 'exists'],
  number: ['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'between', 'exists'],
  percent: ['gte', 'gt', 'lte', 'lt', 'between', 'exists'],
  boolean: ['eq'],
  text: ['eq', 'ne', 'in', 'notIn', 'exists'],
  year: ['eq', 'gte', 'lte', 'between', 'exists', 'withinYears'],
};
