import { sql } from 'drizzle-orm';
import { enterprisePath, enterpriseRecords, within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

const BREAKDOWNS = ['street', 'industry', 'category'] as const;

/** The plan-project and fund figures of the seed's second section. */
export const projectIndicators: readonly Indicator[] = [
  {
    key: 'projects.funds-in-place',
    section: 'plans',
    name: { zh: '政策性奖补到位资金', en: 'Funds paid to enterprises' },
    description: {
      zh: '期间内拨付的科技计划项目资金、贷款风险补偿金与研发补助、小升高等奖补资金之和（按拨付日期）',
      en: 'Project payments, loan risk compensation and subsidies/awards paid in the period',
    },
    unit: '万元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      sql`${enterpriseRecords({
        from: 'project_payments r0 join plan_projects p on p.id = r0.plan_project_id',
        enterpriseId: 'p.enterprise_id',
        label: "p.project_no || ' ' || p.title",
        onDate: 'r0.paid_on',
        amountFen: 'r0.amount_fen',
        category: "'科技计划项目资金'",
        where: within('r0.paid_on', range),
      })} union all ${enterpriseRecords({
        from: 'risk_compensations r0',
        label: 'r0.bank_name',
        onDate: 'r0.compensated_on',
        amountFen: 'r0.compensation_fen',
        category: "'贷款风险补偿'",
        where: within('r0.compensated_on', range),
      })} union all ${enterpriseRecords({
        from: 'fund_awards r0',
        label: 'r0.document_no',
        onDate: 'r0.granted_on',
        amountFen: 'r0.amount_fen',
        category:
          "case r0.kind when 'rdSubsidy' then '研发补助' when 'upgradeReward' then '小升高奖励' else '其他奖补' end",
        where: within('r0.granted_on', range),
      })}`,
    recordPath: enterprisePath,
  },
  {
    key: 'projects.risk-loans',
    section: 'plans',
    name: { zh: '科技成果转化贷款额（风险补偿）', en: 'Loans under risk compensation' },
    description: {
      zh: '期间内获得贷款风险补偿的科技成果转化贷款金额（按补偿日期）',
      en: 'Technology-transfer loans compensated in the period',
    },
    unit: '亿元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry'],
    records: (range) =>
      enterpriseRecords({
        from: 'risk_compensations r0',
        label: 'r0.bank_name',
        onDate: 'r0.compensated_on',
        amountFen: 'r0.loan_fen',
        where: within('r0.compensated_on', range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'projects.risk-loan-enterprises',
    section: 'plans',
    name: { zh: '获得贷款风险补偿企业数', en: 'Enterprises with compensated loans' },
    description: {
      zh: '期间内获得科技成果转化贷款风险补偿资金的企业数',
      en: 'Enterprises whose loans were compensated in the period',
    },
    unit: '家',
    kind: 'distinct',
    timing: 'flow',
    breakdowns: ['street', 'industry'],
    records: (range) =>
      enterpriseRecords({
        from: 'risk_compensations r0',
        label: 'r0.bank_name',
        onDate: 'r0.compensated_on',
        amountFen: 'r0.loan_fen',
        where: within('r0.compensated_on', range),
      }),
    recordPath: enterprisePath,
  },
  {
    key: 'projects.established',
    section: 'plans',
    name: { zh: '区级科技计划立项数', en: 'District plan projects established' },
    description: {
      zh: '期间内立项的区级科技计划项目数（按立项日期）',
      en: 'District plan projects established in the period',
    },
    unit: '项',
    kind: 'count',
    timing: 'flow',
    breakdowns: BREAKDOWNS,
    records: (range) =>
      enterpriseRecords({
        from: 'plan_projects r0 join plan_calls c on c.id = r0.call_id join plan_categories k on k.id = c.category_id',
        label: "r0.project_no || ' ' || r0.title",
        onDate: "(r0.established_at at time zone 'Asia/Shanghai')::date",
        amountFen: 'r0.approved_fen',
        category: 'k.name',
        where: within("(r0.established_at at time zone 'Asia/Shanghai')::date", range),
      }),
    recordPath: (row) => `/bureau/projects/${row.id}`,
  },
];
