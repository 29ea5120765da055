import type { DateRange } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

/**
 * Whether enterprise `r0.enterprise_id` hosts, at the period's end, a platform in force of a type
 * that counts as an R&D institution (`platform_types.counts_for_coverage`). Two such platforms
 * still make one covered enterprise; a revoked or delisted one does not count.
 */
export function hostsRdInstitution(range: DateRange): SQL {
  return sql`exists (select 1 from platform_hosts ph
      join platforms p on p.id = ph.platform_id
      join platform_types t on t.id = p.type_id
      where ph.enterprise_id = r0.enterprise_id and t.counts_for_coverage
        and p.first_recognized_on <= ${range.to}::date
        and (p.ended_on is null or p.ended_on > ${range.to}::date))`;
}

/** 规上 enterprises by their figures of the period's year, with an extra condition. */
function aboveScale(extra: (range: DateRange) => SQL = () => sql`true`) {
  return (range: DateRange) =>
    enterpriseRecords({
      from: 'enterprise_year_figures r0',
      label: "r0.year || '年规上企业'",
      onDate: 'make_date(r0.year, 12, 31)',
      where: sql`r0.year = extract(year from ${range.to}::date)::int and r0.is_above_designated_size and ${extra(range)}`,
    });
}

/** 规上企业研发机构全覆盖: how many 规上 enterprises have an R&D institution, and R&D activity. */
export const coverageIndicators: readonly Indicator[] = [
  {
    key: 'platforms.above-scale-enterprises',
    section: 'platforms',
    name: { zh: '规上企业数', en: 'Above-scale enterprises' },
    description: {
      zh: '当年企业年度数据中标为规模以上的企业数（研发机构覆盖率的分母）',
      en: 'Enterprises marked above designated size in the year’s figures',
    },
    unit: '家',
    kind: 'count',
    timing: 'stock',
    breakdowns: ['street', 'industry'],
    records: aboveScale(),
    recordPath: enterprisePath,
  },
  {
    key: 'platforms.above-scale-with-rd-institution',
    section: 'platforms',
    name: { zh: '建有研发机构的规上企业数', en: 'Above-scale enterprises with an R&D institution' },
    description: {
      zh: '期末依托在册研发机构（计入全覆盖的平台类型，任一级别）的规上企业数；一家企业有多个研发机构只计一次，已撤销、摘牌的不计',
      en: 'Above-scale enterprises hosting an R&D institution in force at the end of the period (counted once)',
    },
    unit: '家',
    kind: 'count',
    timing: 'stock',
    breakdowns: ['street', 'industry'],
    records: aboveScale(hostsRdInstitution),
    recordPath: enterprisePath,
  },
  {
    key: 'platforms.rd-institution-coverage',
    section: 'platforms',
    name: { zh: '规上企业研发机构覆盖率', en: 'R&D institution coverage of above-scale enterprises' },
    description: {
      zh: '建有研发机构的规上企业数 ÷ 规上企业数',
      en: 'Above-scale enterprises with an R&D institution ÷ above-scale enterprises',
    },
    unit: '%',
    kind: 'ratio',
    numerator: 'platforms.above-scale-with-rd-institution',
    denominator: 'platforms.above-scale-enterprises',
    digits: 1,
  },
  {
    key: 'platforms.above-scale-with-rd-activity',
    section: 'platforms',
    name: { zh: '有研发活动的规上企业数', en: 'Above-scale enterprises with R&D activity' },
    description: {
      zh: '当年研发费用大于零的规上企业数',
      en: 'Above-scale enterprises with R&D expenses in the year',
    },
    unit: '家',
    kind: 'count',
    timing: 'stock',
    breakdowns: ['street', 'industry'],
    records: aboveScale(() => sql`r0.rd_expense_fen > 0`),
    recordPath: enterprisePath,
  },
  {
    key: 'platforms.rd-activity-share',
    section: 'platforms',
    name: { zh: '有研发活动的规上企业占比', en: 'Share of above-scale enterprises with R&D activity' },
    description: {
      zh: '有研发活动的规上企业数 ÷ 规上企业数',
      en: 'Above-scale enterprises with R&D activity ÷ above-scale enterprises',
    },
    unit: '%',
    kind: 'ratio',
    numerator: 'platforms.above-scale-with-rd-activity',
    denominator: 'platforms.above-scale-enterprises',
    digits: 1,
  },
];
