import {
  FUND_AWARD_KIND_LABELS,
  FUNDS_FIELD_LABELS,
  type FundYearTotal,
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
import { recordAudit } from '../../core/audit';
import { sendXlsx } from '../../core/excel';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
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
  const config = { fieldLabels: FUNDS_FIELD_LABELS };
  const readers = rolesAccess('staff', 'leader');
  const writers = rolesAccess('staff');

  app.get(
    '/api/funds/awards',
    {
      schema: { tags, querystring: fundListQuerySchema, response: { 200: fundAwardPageSchema } },
      config: { access: readers },
    },
    async (request) => listFundAwards(db, request.query),
  );
  app.post(
    '/api/funds/awards',
    {
      schema: { tags, body: fundAwardBodySchema, response: { 201: fundAwardSchema } },
      config: { ...config, access: writers },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createFundAward(db, { input: request.body, context: request.context }),
      })),
  );
  app.put(
    '/api/funds/awards/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: fundAwardUpdateSchema,
        response: { 200: fundAwardSchema },
      },
      config: { ...config, access: writers },
    },
    async (request) =>
      updateFundAward(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.get(
    '/api/funds/risk-compensations',
    {
      schema: { tags, querystring: fundListQuerySchema, response: { 200: riskCompensationPageSchema } },
      config: { access: readers },
    },
    async (request) => listRiskCompensations(db, request.query),
  );
  app.post(
    '/api/funds/risk-compensations',
    {
      schema: { tags, body: riskCompensationBodySchema, response: { 201: riskCompensationSchema } },
      config: { ...config, access: writers },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createRiskCompensation(db, { input: request.body, context: request.context }),
      })),
  );
  app.put(
    '/api/funds/risk-compensations/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: riskCompensationUpdateSchema,
        response: { 200: riskCompensationSchema },
      },
      config: { ...config, access: writers },
    },
    async (request) =>
      updateRiskCompensation(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.get(
    '/api/funds/yearly-totals',
    { schema: { tags, response: { 200: fundYearTotalsSchema } }, config: { access: readers } },
    async () => readYearlyTotals(db),
  );
  app.get(
    '/api/funds/yearly-totals/export',
    { schema: { tags }, config: { access: readers } },
    async (request, reply) => {
      const { items } = await readYearlyTotals(db);
      await recordAudit(db, request.context, {
        event: 'funds.yearly-totals.export',
        objectType: 'fund_awards',
      });
      return sendXlsx(reply, {
        fileName: `科技经费年度汇总-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '年度汇总',
        columns: [
          { header: '年度', width: 8, value: (row: FundYearTotal) => row.year },
          { header: '项目拨付（万元）', value: (row) => wan(row.projectPaymentsFen) },
          { header: `${FUND_AWARD_KIND_LABELS.rdSubsidy.zh}（万元）`, value: (row) => wan(row.rdSubsidyFen) },
          {
            header: `${FUND_AWARD_KIND_LABELS.upgradeReward.zh}（万元）`,
            value: (row) => wan(row.upgradeRewardFen),
          },
          {
            header: `${FUND_AWARD_KIND_LABELS.otherAward.zh}（万元）`,
            value: (row) => wan(row.otherAwardFen),
          },
          { header: '风险补偿（万元）', value: (row) => wan(row.riskCompensationFen) },
          { header: '合计（万元）', value: (row) => wan(row.totalFen) },
          { header: '风险补偿贷款（万元）', value: (row) => wan(row.loanFen) },
          { header: '贷款企业数', value: (row) => row.loanEnterpriseCount },
        ],
        pages: (async function* () {
          yield items;
        })(),
      });
    },
  );
}
