import {
  type DateRange,
  type IndicatorBreakdown,
  PROBLEM_CATEGORIES,
  VISIT_TARGET_KIND_LABELS,
  VISIT_TARGET_KINDS,
} from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords, within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

/** One row per event of a type (no enterprise), its type as the category. */
function eventRecords(typeCode: string, when: (range: DateRange) => SQL) {
  return (range: DateRange) =>
    sql`select r0.id as id, r0.title as label, null::int as enterprise_id, null::text as enterprise_name,
        r0.held_on as on_date, null::bigint as amount_fen, null::text as street, null::text as industry,
        t.name as category
      from service_events r0 join service_event_types t on t.id = r0.type_id
      where t.code = ${typeCode} and ${when(range)}`;
}

/** A code column shown by its Chinese name in breakdowns and drill-downs (the names are fixed data). */
const named = (column: string, pairs: readonly (readonly [string, string])[]) =>
  `case ${column} ${pairs.map(([code, name]) => `when '${code}' then '${name}'`).join(' ')} else ${column} end`;
const KIND_NAMES = VISIT_TARGET_KINDS.map((kind) => [kind, VISIT_TARGET_KIND_LABELS[kind].zh] as const);
const CATEGORY_NAMES = PROBLEM_CATEGORIES.map((category) => [category.code, category.name] as const);

const eventPath = (row: { id: number }) => `/bureau/services/events/${row.id}`;
const CATEGORY: readonly IndicatorBreakdown[] = ['category'];
const ENTERPRISE_BREAKDOWNS: readonly IndicatorBreakdown[] = ['street', 'industry', 'category'];

function events(options: {
  key: string;
  typeCode: string;
  total: boolean;
  name: { zh: string; en: string };
  unit: '期' | '次';
}): Indicator {
  return {
    key: options.key,
    section: 'services',
    name: options.name,
    description: options.total
      ? {
          zh: `平台记录以来（2020年起）截至期末已举办的${options.name.zh.replace('累计举办', '')}（按活动日期）`,
          en: `${options.name.en}, held from 2020 up to the end of the period`,
        }
      : {
          zh: `期间内举办的${options.name.zh.replace('举办', '')}（按活动日期）`,
          en: `${options.name.en} in the period`,
        },
    unit: options.unit,
    kind: 'count',
    timing: options.total ? 'stock' : 'flow',
    breakdowns: CATEGORY,
    records: eventRecords(options.typeCode, (range) =>
      options.total ? sql`r0.held_on <= ${range.to}::date` : within('r0.held_on', range),
    ),
    recordPath: eventPath,
  };
}

const problemRecords = (where: (range: DateRange) => SQL) => (range: DateRange) =>
  enterpriseRecords({
    from: 'service_problems r0',
    label: 'r0.description',
    onDate: 'r0.assigned_on',
    category: named('r0.category', CATEGORY_NAMES),
    where: sql`${within('r0.assigned_on', range)} and ${where(range)}`,
  });

/** The figures of the seed's sixth section (科技服务): trainings, 答疑, visits and the problem ledger. */
export const servicesIndicators: readonly Indicator[] = [
  events({
    key: 'services.trainings',
    typeCode: 'training',
    total: false,
    name: { zh: '举办专题培训班', en: 'Training courses' },
    unit: '期',
  }),
  events({
    key: 'services.trainings-total',
    typeCode: 'training',
    total: true,
    name: { zh: '累计举办专题培训班', en: 'Training courses since 2020' },
    unit: '期',
  }),
  events({
    key: 'services.qa-sessions',
    typeCode: 'qa',
    total: false,
    name: { zh: '举办答疑活动', en: 'Q&A sessions' },
    unit: '次',
  }),
  events({
    key: 'services.qa-sessions-total',
    typeCode: 'qa',
    total: true,
    name: { zh: '累计举办答疑活动', en: 'Q&A sessions since 2020' },
    unit: '次',
  }),
  {
    key: 'services.visited',
    section: 'services',
    name: { zh: '走访科技企业、创新平台和研发机构数', en: 'Organisations visited' },
    description: {
      zh: '期间内大调研走访到的科技企业、创新平台依托单位和研发机构数（同一单位多次走访只计一次）',
      en: 'Enterprises, platforms and institutes visited in the period, each once',
    },
    unit: '家',
    kind: 'distinct',
    timing: 'flow',
    breakdowns: ENTERPRISE_BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'service_visits r0 left join service_campaign_targets ct on ct.campaign_id = r0.campaign_id and ct.enterprise_id = r0.enterprise_id',
        label: "'走访：' || r0.team",
        onDate: 'r0.visited_on',
        category: named('ct.kind', KIND_NAMES),
        where: within('r0.visited_on', range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'services.problems-found',
    section: 'services',
    name: { zh: '查找问题短板数', en: 'Problems found' },
    description: {
      zh: '期间内交办进入问题台账的问题数（按交办日期），可按问题类别分解',
      en: 'Problems entered into the ledger in the period (by the day assigned)',
    },
    unit: '个',
    kind: 'count',
    timing: 'flow',
    breakdowns: ENTERPRISE_BREAKDOWNS,
    records: problemRecords(() => sql`true`),
    recordPath: enterprisePath,
  },
  {
    key: 'services.problems-closed',
    section: 'services',
    name: { zh: '整改销号问题数', en: 'Problems closed' },
    description: {
      zh: '期间内交办的问题中，截至期末已销号的问题数',
      en: 'Problems assigned in the period and closed by its end',
    },
    unit: '个',
    kind: 'count',
    timing: 'flow',
    breakdowns: ENTERPRISE_BREAKDOWNS,
    records: problemRecords((range) => sql`r0.closed_on <= ${range.to}::date`),
    recordPath: enterprisePath,
  },
  {
    key: 'services.closing-rate',
    section: 'services',
    name: { zh: '问题销号率', en: 'Share of problems closed' },
    description: {
      zh: '期间内交办问题中截至期末已销号的比例：整改销号问题数 ÷ 查找问题短板数',
      en: 'Problems closed ÷ problems found',
    },
    unit: '%',
    kind: 'ratio',
    numerator: 'services.problems-closed',
    denominator: 'services.problems-found',
    digits: 1,
  },
];
