import { sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

/** 规上 enterprise-months within the period (a month counts when it begins inside it). */
function aboveScaleMonths(amount: string) {
  return (range: { from: string; to: string }) =>
    enterpriseRecords({
      from: 'enterprise_monthly_output r0',
      label: 'r0.period',
      onDate: "(r0.period || '-01')::date",
      amountFen: amount,
      // Months as the text the column holds, so the period index finds them.
      where: sql`r0.is_above_designated_size and r0.period between ${range.from.slice(0, 7)} and ${range.to.slice(0, 7)}`,
    });
}

/** The economy's figures: 高新技术产业 output from the monthly filings, GDP and R&D from the statistics bureau. */
export const statsIndicators: readonly Indicator[] = [
  {
    key: 'stats.high-tech-output',
    section: 'economy',
    name: { zh: '高新技术产业产值', en: 'High-tech industry output' },
    description: {
      zh: '规上工业企业在其规上月份填报的高新技术产业产值之和',
      en: 'High-tech output filed by above-scale enterprises for their above-scale months',
    },
    unit: '亿元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry'],
    records: aboveScaleMonths('r0.high_tech_output_fen'),
    recordPath: enterprisePath,
  },
  {
    key: 'stats.above-scale-output',
    section: 'economy',
    name: { zh: '规模以上工业总产值', en: 'Above-scale industrial output' },
    description: {
      zh: '规上工业企业在其规上月份填报的工业总产值之和',
      en: 'Industrial output filed by above-scale enterprises for their above-scale months',
    },
    unit: '亿元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry'],
    records: aboveScaleMonths('r0.industrial_output_fen'),
    recordPath: enterprisePath,
  },
  {
    key: 'stats.high-tech-share',
    section: 'economy',
    name: { zh: '高新技术产业产值占规模以上工业总产值比重', en: 'High-tech share of above-scale output' },
    description: {
      zh: '高新技术产业产值 ÷ 规模以上工业总产值',
      en: 'High-tech industry output ÷ above-scale industrial output',
    },
    unit: '%',
    kind: 'ratio',
    numerator: 'stats.high-tech-output',
    denominator: 'stats.above-scale-output',
    digits: 1,
  },
  {
    key: 'stats.high-tech-growth',
    section: 'economy',
    name: { zh: '高新技术产业产值同比增速', en: 'High-tech output growth' },
    description: {
      zh: '（本期高新技术产业产值 − 上年同期）÷ 上年同期，各期按当期规上企业计',
      en: '(this period − a year earlier) ÷ a year earlier, each side over its own above-scale enterprises',
    },
    unit: '%',
    kind: 'growth',
    of: 'stats.high-tech-output',
    digits: 1,
  },
  {
    key: 'stats.gdp',
    section: 'economy',
    name: { zh: '地区生产总值', en: 'Gross regional product' },
    description: { zh: '统计部门发布的地区生产总值', en: 'As published by the statistics bureau' },
    unit: '亿元',
    kind: 'statistic',
  },
  {
    key: 'stats.rd-expenditure',
    section: 'economy',
    name: { zh: '全社会研发经费内部支出', en: 'Gross R&D expenditure' },
    description: {
      zh: '统计部门发布的全社会研究与试验发展经费内部支出',
      en: 'Intramural R&D expenditure as published by the statistics bureau',
    },
    unit: '亿元',
    kind: 'statistic',
  },
  {
    key: 'stats.rd-intensity',
    section: 'economy',
    name: { zh: '研发投入强度', en: 'R&D intensity' },
    description: {
      zh: '全社会研发经费内部支出 ÷ 地区生产总值',
      en: 'Gross R&D expenditure ÷ gross regional product',
    },
    unit: '%',
    kind: 'ratio',
    numerator: 'stats.rd-expenditure',
    denominator: 'stats.gdp',
    digits: 2,
  },
];
