import {
  FUND_AWARD_KIND_LABELS,
  FUNDS_FIELD_LABELS,
  fundAwardBodySchema,
  fundAwardPageSchema,
  fundAwardSchema,
  fundAwardUpdateSchema,
  fundListQuerySchema,
  fundYearTotalsSchema,
  idParamSchema,
  riskCompensationBodySchema,
  riskCompensationPageSchema,
  riskCompensationSchema,
  riskCompensationUpdateSchema,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute } from '../../core/routes';
import {
  createFundAward,
  createRiskCompensation,
  listFundAwards,
  listRiskCompensations,
  readYearlyTotals,
  updateFundAward,
  updateRiskCompensation,
} from './funds-service';

const wan = (fen: number) => Math.round(fen / 100) / 10_000;

/** Funds outside projects (研发补助, 小升高 rewards, 风险补偿) and the yearly totals of all funds. */
export function registerFundsRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['funds'];
  const fieldLabels = FUNDS_FIELD_LABELS;
  const readers = rolesAccess('staff', 'leader');
  const writers = rolesAccess('staff');

  defineRoute(app, {
    method: 'GET',
    url: '/api/funds/awards',
    access: readers,
    schema: { tags, querystring: fundListQuerySchema, response: { 200: fundAwardPageSchema } },
    handler: async (request) => listFundAwards(db, request.query),
  });
  createRoute(app, db, {
    url: '/api/funds/awards',
    access: writers,
    fieldLabels,
    schema: { tags, body: fundAwardBodySchema, response: { 201: fundAwardSchema } },
    create: (request) => createFundAward(db, { input: request.body, context: request.context }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/funds/awards/:id',
    access: writers,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: fundAwardUpdateSchema, response: { 200: fundAwardSchema } },
    handler: async (request) =>
      updateFundAward(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/funds/risk-compensations',
    access: readers,
    schema: { tags, querystring: fundListQuerySchema, response: { 200: riskCompensationPageSchema } },
    handler: async (request) => listRiskCompensations(db, request.query),
  });
  createRoute(app, db, {
    url: '/api/funds/risk-compensations',
    access: writers,
    fieldLabels,
    schema: { tags, body: riskCompensationBodySchema, response: { 201: riskCompensationSchema } },
    create: (request) => createRiskCompensation(db, { input: request.body, context: request.context }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/funds/risk-compensations/:id',
    access: writers,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: riskCompensationUpdateSchema,
      response: { 200: riskCompensationSchema },
    },
    handler: async (request) =>
      updateRiskCompensation(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/funds/yearly-totals',
    access: readers,
    schema: { tags, response: { 200: fundYearTotalsSchema } },
    handler: async () => readYearlyTotals(db),
  });
  exportRoute(app, db, {
    url: '/api/funds/yearly-totals/export',
    access: readers,
    schema: { tags },
    audit: () => ({ event: 'funds.yearly-totals.export', objectType: 'fund_awards' }),
    fileName: () => '科技经费年度汇总',
    sheetName: '年度汇总',
    rows: async function* () {
      yield (await readYearlyTotals(db)).items;
    },
    columns: [
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '项目拨付（万元）', value: (row) => wan(row.projectPaymentsFen) },
      { header: `${FUND_AWARD_KIND_LABELS.rdSubsidy.zh}（万元）`, value: (row) => wan(row.rdSubsidyFen) },
      {
        header: `${FUND_AWARD_KIND_LABELS.upgradeReward.zh}（万元）`,
        value: (row) => wan(row.upgradeRewardFen),
      },
      { header: `${FUND_AWARD_KIND_LABELS.otherAward.zh}（万元）`, value: (row) => wan(row.otherAwardFen) },
      { header: '风险补偿（万元）', value: (row) => wan(row.riskCompensationFen) },
      { header: '合计（万元）', value: (row) => wan(row.totalFen) },
      { header: '风险补偿贷款（万元）', value: (row) => wan(row.loanFen) },
      { header: '贷款企业数', value: (row) => row.loanEnterpriseCount },
    ],
  });
}
