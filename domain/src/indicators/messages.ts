import type { FieldLabels, Text } from '../text';

/** Messages of the indicator forms' own checks (`params: { key }`), after the field's label. */
export const INDICATOR_ISSUE_MESSAGES: Record<string, Text> = {
  'indicator.period': {
    zh: '：格式应为 2020、2021-H1（半年）、2021-Q2（季度）、2021-06（月）或 2021-YTD（今年以来）',
    en: 'must look like 2020, 2021-H1, 2021-Q2, 2021-06 or 2021-YTD',
  },
  'indicator.notNegative': { zh: '：不能为负数', en: 'must not be negative' },
  'indicator.notANumber': { zh: '：应为数字', en: 'must be a number' },
  'indicator.tooPrecise': { zh: '：最多四位小数', en: 'takes at most four decimals' },
};

export const INDICATOR_FIELD_LABELS: FieldLabels = {
  value: { zh: '数值', en: 'Value' },
  period: { zh: '统计期间', en: 'Period' },
  source: { zh: '数据来源', en: 'Source' },
  sourceDate: { zh: '发布日期', en: 'Published on' },
  note: { zh: '备注', en: 'Note' },
  version: { zh: '版本', en: 'Version' },
  key: { zh: '指标', en: 'Indicator' },
  year: { zh: '年度', en: 'Year' },
};
