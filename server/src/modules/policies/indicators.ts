import { sql } from 'drizzle-orm';
import { QUANTITY_SCALE } from '../../core/indicators/compute';
import { enterprisePath, within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

const policyPath = (row: { id: number }) => `/bureau/policies?open=${row.id}`;

/** The 政策服务 figures of the seed's sixth section (科技服务: 政策宣讲). */
export const policyIndicators: readonly Indicator[] = [
  {
    key: 'policies.guide-copies',
    section: 'services',
    name: { zh: '发放《科技创新政策指引》册数', en: 'Copies of the policy guide handed out' },
    description: {
      zh: '期间内发放的《科技创新政策指引》印刷本册数（按发放日期、各次发放记录合计；每条记录为一次发放，类别为版次）',
      en: 'Printed copies of the policy guide handed out in the period (by date, summed over the distribution records)',
    },
    unit: '册',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['category'],
    // A quantity summed as the exact value the figure engine reads (quantity × 10⁴), like a statistic.
    records: (
      range,
    ) => sql`select d.id as id, d.recipient as label, null::int as enterprise_id, null::text as enterprise_name,
        d.distributed_on as on_date, (d.copies::bigint * ${Number(QUANTITY_SCALE)}) as amount_fen, null::text as street,
        null::text as industry, (d.edition || '年版') as category
      from policy_guide_distributions d where ${within('d.distributed_on', range)}`,
  },
  {
    key: 'policies.published',
    section: 'services',
    name: { zh: '收集发布科技政策文件数', en: 'Policies published in the library' },
    description: {
      zh: '期间内发布到政策库的国家、省、市、区科技创新政策文件数（按发布日期，含后来废止的），可按层级分解',
      en: 'Policy documents of all four levels published in the library in the period (by date published)',
    },
    unit: '项',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['category'],
    records: (
      range,
    ) => sql`select p.id as id, p.title as label, null::int as enterprise_id, null::text as enterprise_name,
        p.published_on as on_date, null::bigint as amount_fen, null::text as street, null::text as industry,
        (case p.level when 'national' then '国家' when 'provincial' then '省级' when 'city' then '市级' else '区级' end) as category
      from policies p where p.status in ('published', 'repealed') and ${within('p.published_on', range)}`,
    recordPath: policyPath,
  },
  {
    key: 'policies.no-application-paid',
    section: 'services',
    name: { zh: '免申即享兑现金额', en: 'Paid without application' },
    description: {
      zh: '期间内确认进入免申即享兑现名单的金额（按确认日期），可按事项分解',
      en: 'Amounts confirmed into the no-application payout list in the period (by date confirmed)',
    },
    unit: '万元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    roles: ['staff', 'leader', 'observer'],
    records: (
      range,
    ) => sql`select o.id as id, i.title as label, e.id as enterprise_id, e.name as enterprise_name,
        o.confirmed_on as on_date, o.amount_fen as amount_fen, e.street as street, e.industry as industry, i.title as category
      from policy_payouts o join policy_items i on i.id = o.item_id join enterprises e on e.id = o.enterprise_id
      where ${within('o.confirmed_on', range)}`,
    recordPath: enterprisePath,
  },
];
