import { projectApplicationWorkflow } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords, within } from '../../core/indicators/records';
import type { Indicator, RecordIndicator } from '../../core/indicators/types';

/** SQL naming an application's current stage in Chinese (形式审查通过, 公示中…), from the lifecycle's own labels. */
const APPLICATION_STATUS_SQL_LABEL = `case r0.status ${Object.entries(projectApplicationWorkflow.states)
  .map(([status, label]) => `when '${status}' then '${label.zh}'`)
  .join(' ')} else r0.status end`;

/** Applications recommended upstream and granted there, dated by when the grant was recorded. */
function grantedUpstream(categoryCodes: readonly string[] | null) {
  return (range: Parameters<RecordIndicator['records']>[0]) =>
    enterpriseRecords({
      from: `project_applications r0
        join plan_calls c on c.id = r0.call_id
        join plan_categories k on k.id = c.category_id
        join lateral (select (max(h.created_at) at time zone 'Asia/Shanghai')::date as granted_on
          from workflow_history h
          where h.workflow = 'project-application' and h.object_id = r0.id and h.action = 'recordGranted') g on true`,
      label: "coalesce(r0.application_no, '') || ' ' || r0.title",
      onDate: 'g.granted_on',
      amountFen: 'r0.upstream_granted_fen',
      category: 'k.name',
      where: sql`r0.status = 'grantedUpstream' and ${within('g.granted_on', range)}${
        categoryCodes
          ? sql` and k.code in (${sql.join(
              categoryCodes.map((code) => sql`${code}`),
              sql`, `,
            )})`
          : sql``
      }`,
    });
}

const upstream = (
  key: string,
  name: { zh: string; en: string },
  codes: readonly string[] | null,
): RecordIndicator => ({
  key: `plan-calls.${key}`,
  section: 'plans',
  name,
  description: {
    zh: `区级推荐、期间内获上级批准立项的${codes ? name.zh.replace(/项目数$/, '') : '省市科技计划'}项目数（按记录获批的日期）`,
    en: `Projects recommended by the district and granted upstream in the period (${name.en})`,
  },
  unit: '项',
  kind: 'count',
  timing: 'flow',
  breakdowns: ['street', 'industry', 'category'],
  records: grantedUpstream(codes),
  recordPath: enterprisePath,
});

/** Upstream grants of the calls the district recommends to the city and the province. */
export const planCallIndicators: readonly Indicator[] = [
  upstream('upstream-granted', { zh: '获批省市科技计划项目数', en: 'Projects granted upstream' }, null),
  upstream(
    'key-rd-granted',
    { zh: '获批省市重点研发类计划项目数', en: 'Key R&D projects granted upstream' },
    ['city-key-rd', 'province-major'],
  ),
  upstream('city-key-rd-granted', { zh: '获批市级重点研发计划项目数', en: 'City key R&D projects granted' }, [
    'city-key-rd',
  ]),
  upstream(
    'province-major-granted',
    { zh: '获批省重大科技创新工程项目数', en: 'Provincial major projects granted' },
    ['province-major'],
  ),
  upstream(
    'city-talent-granted',
    { zh: '获批市创新领军人才计划项目数', en: 'City leading-talent projects granted' },
    ['city-talent'],
  ),
  {
    key: 'plan-calls.applications',
    section: 'plans',
    name: { zh: '科技计划项目申报数', en: 'Plan project applications' },
    description: {
      zh: '期间内首次提交的科技计划项目申报书数，可按当前所处环节（类别）查看项目流程分布',
      en: 'Applications first submitted in the period; the category breakdown shows where each stands now',
    },
    unit: '项',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: (range) =>
      enterpriseRecords({
        from: 'project_applications r0',
        label: "coalesce(r0.application_no, '') || ' ' || r0.title",
        onDate: "(r0.submitted_at at time zone 'Asia/Shanghai')::date",
        amountFen: 'r0.requested_fen',
        category: APPLICATION_STATUS_SQL_LABEL,
        where: within("(r0.submitted_at at time zone 'Asia/Shanghai')::date", range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'plan-calls.upstream-granted-amount',
    section: 'plans',
    name: { zh: '争取省市科技计划资金', en: 'Upstream funding granted' },
    description: {
      zh: '期间内获上级批准立项项目的上级资助金额之和',
      en: 'Upstream funding of the projects granted in the period',
    },
    unit: '万元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: grantedUpstream(null),
    recordPath: enterprisePath,
  },
];
