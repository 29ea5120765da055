import {
  idParamSchema,
  MONTHLY_OUTPUT_FIELD_LABELS,
  monthlyOutputSchema,
  periodRangeSchema,
  periodSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { sendXlsx } from '../../core/excel';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { type HighTechIndustryReport, readHighTechIndustryStatistics } from './high-tech-industry-service';
import { listMonthlyOutput, saveMonthlyOutput } from './monthly-output-service';

const storedOutputSchema = z.object({
  period: z.string(),
  industrialOutputFen: z.number().int(),
  highTechOutputFen: z.number().int(),
  isAboveDesignatedSize: z.boolean(),
  source: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});

const outputParamsSchema = z.strictObject({ id: idParamSchema.shape.id, period: periodSchema });

export const saveMonthlyOutputBodySchema = z.strictObject({
  /** 0 to file a new month; otherwise the version being corrected. */
  version: z.number().int().min(0).max(2_147_483_647),
  output: monthlyOutputSchema,
});

const outputListQuerySchema = z.strictObject({ from: periodSchema.optional(), to: periodSchema.optional() });

const contributionSchema = z.object({
  enterpriseId: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  aboveScaleMonths: z.number().int(),
  highTechOutputFen: z.number().int(),
  aboveScaleOutputFen: z.number().int(),
  previousAboveScaleMonths: z.number().int(),
  previousHighTechOutputFen: z.number().int(),
});

const statisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  share: z.number().nullable().describe('高新技术产业产值占规上工业总产值比重，%，一位小数（四舍五入）'),
  growth: z.number().nullable().describe('高新技术产业产值同比增速，%，一位小数；上年同期为 0 时为空'),
  highTechOutputFen: z.number().int(),
  aboveScaleOutputFen: z.number().int(),
  previousHighTechOutputFen: z.number().int(),
  enterprises: z.array(contributionSchema),
});

const percentText = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

export function registerStatsRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['stats'];

  app.get(
    '/api/enterprises/:id/monthly-output',
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: outputListQuerySchema,
        response: { 200: z.object({ items: z.array(storedOutputSchema) }) },
      },
      config: {
        access: rolesAccess('staff', 'leader', 'enterprise'),
        fieldLabels: MONTHLY_OUTPUT_FIELD_LABELS,
      },
    },
    async (request) => ({
      items: await listMonthlyOutput(db, {
        actor: requireActor(request),
        enterpriseId: request.params.id,
        from: request.query.from,
        to: request.query.to,
      }),
    }),
  );

  app.put(
    '/api/enterprises/:id/monthly-output/:period',
    {
      schema: {
        tags,
        params: outputParamsSchema,
        body: saveMonthlyOutputBodySchema,
        response: { 200: storedOutputSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise'), fieldLabels: MONTHLY_OUTPUT_FIELD_LABELS },
    },
    async (request) => {
      if (request.body.output.period !== request.params.period) {
        throw new AppError(400, 'validation', [
          {
            path: 'output.period',
            message:
              request.context.language === 'en'
                ? 'Month differs from the address'
                : '统计月份与所填报月份不一致',
          },
        ]);
      }
      return saveMonthlyOutput(db, {
        enterpriseId: request.params.id,
        output: request.body.output,
        version: request.body.version,
        context: request.context,
      });
    },
  );

  app.get(
    '/api/stats/high-tech-industry',
    {
      schema: { tags, querystring: periodRangeSchema, response: { 200: statisticsSchema } },
      config: { access: rolesAccess('staff', 'leader'), fieldLabels: MONTHLY_OUTPUT_FIELD_LABELS },
    },
    async (request) =>
      readHighTechIndustryStatistics(db, { actor: requireActor(request), range: request.query }),
  );

  app.get(
    '/api/stats/high-tech-industry/export',
    {
      schema: { tags, querystring: periodRangeSchema },
      config: { access: rolesAccess('staff', 'leader'), fieldLabels: MONTHLY_OUTPUT_FIELD_LABELS },
    },
    async (request, reply) => {
      const report = await readHighTechIndustryStatistics(db, {
        actor: requireActor(request),
        range: request.query,
      });
      await recordAudit(db, request.context, {
        event: 'stats.highTechIndustry.export',
        objectType: 'enterprise_monthly_output',
        after: {
          query: request.query,
          share: report.share,
          growth: report.growth,
          rows: report.enterprises.length,
        },
      });
      type Row = HighTechIndustryReport['enterprises'][number];
      const total: Row = {
        enterpriseId: 0,
        creditCode: '',
        name: `合计（占比 ${percentText(report.share)}，同比增速 ${percentText(report.growth)}）`,
        aboveScaleMonths: 0,
        highTechOutputFen: report.highTechOutputFen,
        aboveScaleOutputFen: report.aboveScaleOutputFen,
        previousAboveScaleMonths: 0,
        previousHighTechOutputFen: report.previousHighTechOutputFen,
      };
      // 万元 to six decimals keeps every 分 of the figures the response carries.
      const wan = (fen: number) => fen / 1_000_000;
      return sendXlsx(reply, {
        fileName: `高新技术产业产值-${report.from}至${report.to}.xlsx`,
        sheetName: '高新技术产业产值',
        columns: [
          { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
          { header: '企业名称', width: 40, value: (row) => row.name },
          { header: '规上月数', width: 10, value: (row) => (row.enterpriseId ? row.aboveScaleMonths : '') },
          { header: '规上工业总产值（万元）', width: 22, value: (row) => wan(row.aboveScaleOutputFen) },
          { header: '高新技术产业产值（万元）', width: 24, value: (row) => wan(row.highTechOutputFen) },
          {
            header: `上年同期高新技术产业产值（万元，${report.previousFrom}至${report.previousTo}）`,
            width: 30,
            value: (row) => wan(row.previousHighTechOutputFen),
          },
        ],
        pages: (async function* () {
          yield [...report.enterprises, total];
        })(),
      });
    },
  );
}
