import type { DateRange } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

/**
 * Cooperations signed in the period (r0), with the local enterprise when there is one, the partner
 * as the label and the form as the category. `distinctPartners` keeps one row per partner (its
 * first cooperation of the period), so a university met twice counts once.
 */
function cooperationRecords(range: DateRange, options: { where?: SQL; distinctPartners?: boolean }): SQL {
  return sql`select ${sql.raw(options.distinctPartners ? 'distinct on (r0.partner_name)' : '')} r0.id as id,
      r0.partner_name as label, e.id as enterprise_id, e.name as enterprise_name, r0.signed_on as on_date,
      null::bigint as amount_fen, r0.street as street, e.industry as industry,
      case r0.form when 'agreement' then '合作协议' when 'joint-institute' then '共建研究院'
        when 'branch' then '分支机构落地' when 'joint-lab' then '联合实验室' else '技术转移中心' end as category
    from university_cooperations r0
    left join enterprises e on e.id = r0.enterprise_id
    where ${within('r0.signed_on', range)} and ${options.where ?? sql`true`}
    ${sql.raw(options.distinctPartners ? 'order by r0.partner_name, r0.signed_on, r0.id' : '')}`;
}

const cooperationPath = (row: { id: number }) => `/bureau/platforms/cooperations?open=${row.id}`;

/** 对接高校 and 落地高校分支机构: the seed's "对接高校7家，落地高校分支机构4家". */
export const cooperationIndicators: readonly Indicator[] = [
  {
    key: 'platforms.universities',
    section: 'platforms',
    name: { zh: '对接高校院所数', en: 'Universities and institutes in cooperation' },
    description: {
      zh: '期间内与本区签订合作（协议、共建、分支机构落地等）的高校和科研院所数，同一高校多次合作只计一次',
      en: 'Universities and institutes with a cooperation signed in the period, each counted once',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['category'],
    records: (range) => cooperationRecords(range, { distinctPartners: true }),
    recordPath: cooperationPath,
  },
  {
    key: 'platforms.university-branches',
    section: 'platforms',
    name: { zh: '落地高校分支机构数', en: 'University branches opened in the district' },
    description: {
      zh: '期间内在本区落地的高校、科研院所分支机构数（按落地日期）',
      en: 'Branches of universities and institutes opened in the district in the period',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street'],
    records: (range) => cooperationRecords(range, { where: sql`r0.form = 'branch'` }),
    recordPath: cooperationPath,
  },
];
