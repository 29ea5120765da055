import type { DateRange } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

/** One row per person (t), the employer as the enterprise, the channel (or `category`) as the category. */
function talentRecords(options: { onDate: string; category?: string; from?: string; where: SQL }): SQL {
  return sql`select t.id as id, t.name as label, e.id as enterprise_id, e.name as enterprise_name,
      ${sql.raw(options.onDate)} as on_date, null::bigint as amount_fen, e.street as street,
      e.industry as industry, ${sql.raw(options.category ?? 'c.name')} as category
    from talents t ${sql.raw(options.from ?? '')}
    join talent_channels c on c.id = t.channel_id
    left join enterprises e on e.id = t.employer_enterprise_id
    where ${options.where}`;
}

const talentPath = (row: { id: number }) => `/bureau/talent?open=${row.id}`;

/** Programme records of one programme (or any) recorded as 入选 with their outcome within the period. */
function programmeWinners(programmeCode: string | null) {
  return (range: DateRange) =>
    talentRecords({
      from: 'join talent_programme_records r on r.talent_id = t.id join talent_programmes p on p.id = r.programme_id',
      onDate: 'r.outcome_on',
      category: 'p.name',
      where: sql`r.status = 'selected' and ${within('r.outcome_on', range)}${programmeCode === null ? sql`` : sql` and p.code = ${programmeCode}`}`,
    });
}

/** The talent figures of the seed's fifth section (创新招才引智新方式). */
export const talentIndicators: readonly Indicator[] = [
  {
    key: 'talent.foreign-introduced',
    section: 'talent',
    name: { zh: '引进外国高端人才和专业人才', en: 'Foreign high-end and professional talents introduced' },
    description: {
      zh: '来区工作日期在期内、工作许可类别为 A 类（外国高端人才）或 B 类（外国专业人才）的外籍人才数，按引进渠道分列',
      en: 'Foreign talents of work-permit class A or B who arrived within the period, by channel',
    },
    unit: '人',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['category', 'industry'],
    records: (range) =>
      talentRecords({
        onDate: 't.arrival_date',
        where: sql`t.origin = 'foreign' and t.permit_class in ('A', 'B') and ${within('t.arrival_date', range)}`,
      }),
    recordPath: talentPath,
  },
  {
    key: 'talent.foreign-expert-double-hundred',
    section: 'talent',
    name: { zh: '入选省“外专双百计划”', en: 'Selected for the provincial 外专双百 programme' },
    description: {
      zh: '期内登记为入选山东省“外专双百计划”的人才数（以结果登记日期计）',
      en: 'Talents recorded as selected for the 外专双百 programme within the period (by the date of the outcome)',
    },
    unit: '人',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['category'],
    records: programmeWinners('foreign-expert-double-hundred'),
    recordPath: talentPath,
  },
  {
    key: 'talent.programme-winners',
    section: 'talent',
    name: { zh: '入选各级人才计划', en: 'Talent-programme winners' },
    description: {
      zh: '期内登记为入选区级及以上人才计划（区级领军人才项目、市创新领军人才计划、泰山产业领军人才、外专双百计划等）的人次，按计划分列',
      en: 'Selections for talent programmes of every level recorded within the period, by programme',
    },
    unit: '人',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['category'],
    records: programmeWinners(null),
    recordPath: talentPath,
  },
  {
    key: 'talent.ledger-total',
    section: 'talent',
    name: { zh: '人才台账在册人数', en: 'Talents on the ledger' },
    description: {
      zh: '期末前已来区工作的台账人才数（国内与外籍），按引进渠道分列',
      en: 'Talents on the ledger who had arrived by the end of the period, by channel',
    },
    unit: '人',
    kind: 'count',
    timing: 'stock',
    breakdowns: ['category', 'street'],
    records: (range) =>
      talentRecords({ onDate: 't.arrival_date', where: sql`t.arrival_date <= ${range.to}::date` }),
    recordPath: talentPath,
  },
  {
    key: 'talent.foreign-total',
    section: 'talent',
    name: { zh: '在册外籍人才', en: 'Foreign talents on the ledger' },
    description: {
      zh: '期末前已来区工作的外籍人才数，按工作许可类别分列',
      en: 'Foreign talents on the ledger who had arrived by the end of the period, by permit class',
    },
    unit: '人',
    kind: 'count',
    timing: 'stock',
    breakdowns: ['category'],
    records: (range) =>
      talentRecords({
        onDate: 't.arrival_date',
        category: `coalesce(t.permit_class, '—') || ' 类'`,
        where: sql`t.origin = 'foreign' and t.arrival_date <= ${range.to}::date`,
      }),
    recordPath: talentPath,
  },
];
