import {
  enterpriseYearFiguresSchema,
  FIGURES_FIELD_LABELS,
  INDUSTRIES,
  idParamSchema,
  labelOf,
  listQuerySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { sendXlsx } from '../../core/excel';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { readCheckup, runSurvey } from './checkup-service';
import { listFigures, saveFigures } from './figures-service';

const storedFiguresSchema = z.object({
  ...Object.fromEntries(
    Object.keys(FIGURES_FIELD_LABELS).map((key) => [
      key,
      key === 'isAboveDesignatedSize' ? z.boolean() : z.number(),
    ]),
  ),
  source: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});

const figuresParamsSchema = z.strictObject({
  id: idParamSchema.shape.id,
  year: z.coerce.number().int().min(1990).max(2100),
});

export const saveFiguresBodySchema = z.strictObject({
  /** 0 to file a new year; otherwise the version being corrected. */
  version: z.number().int().min(0).max(2_147_483_647),
  figures: enterpriseYearFiguresSchema,
});

const textSchema = z.object({ zh: z.string(), en: z.string() });
const levelSchema = z.enum(['qualified', 'close', 'far']);
const LEVEL_LABELS = { qualified: '已达标', close: '接近（差一项）', far: '差距较大' } as const;

export const surveyQuerySchema = listQuerySchema(['name'] as const).extend({
  target: z.enum(['techSme', 'highTech']).default('highTech'),
  level: levelSchema.optional(),
  street: z.string().max(40).optional(),
  industry: z.string().max(40).optional(),
  keyword: z.string().trim().max(100).optional(),
});

const surveyRowSchema = z.object({
  enterpriseId: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  industry: z.string().nullable(),
  techSmeLevel: levelSchema,
  highTechLevel: levelSchema,
  techSmeMissing: z.array(textSchema),
  highTechMissing: z.array(textSchema),
  measures: z.array(textSchema),
});

export function registerCultivationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];

  app.get(
    '/api/enterprises/:id/checkup',
    {
      // The rule results are nested records of the domain's engines (see domain/src/rules); typed there.
      schema: {
        tags,
        params: idParamSchema,
        response: {
          200: z.object({
            enterpriseId: z.number().int(),
            name: z.string(),
            asOf: z.string(),
            hasFoundingDate: z.boolean(),
            figures: z.array(storedFiguresSchema),
            classification: z.unknown(),
          }),
        },
      },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => readCheckup(db, { actor: requireActor(request), enterpriseId: request.params.id }),
  );

  const surveyTotals = (rows: Awaited<ReturnType<typeof runSurvey>>, target: 'techSme' | 'highTech') => {
    const totals = { qualified: 0, close: 0, far: 0 };
    for (const row of rows) totals[target === 'techSme' ? row.techSmeLevel : row.highTechLevel] += 1;
    return totals;
  };
  const filterSurvey = (
    rows: Awaited<ReturnType<typeof runSurvey>>,
    query: z.infer<typeof surveyQuerySchema>,
  ) =>
    rows.filter(
      (row) =>
        !query.level || (query.target === 'techSme' ? row.techSmeLevel : row.highTechLevel) === query.level,
    );

  app.get(
    '/api/cultivation/survey',
    {
      schema: {
        tags,
        querystring: surveyQuerySchema,
        response: {
          200: z.object({
            items: z.array(surveyRowSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            totals: z.object({ qualified: z.number().int(), close: z.number().int(), far: z.number().int() }),
          }),
        },
      },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request) => {
      const query = request.query;
      const all = await runSurvey(db, {
        actor: requireActor(request),
        street: query.street,
        industry: query.industry,
        keyword: query.keyword,
      });
      const rows = filterSurvey(all, query);
      const start = (query.page - 1) * query.pageSize;
      return {
        items: rows.slice(start, start + query.pageSize),
        total: rows.length,
        page: query.page,
        pageSize: query.pageSize,
        totals: surveyTotals(all, query.target),
      };
    },
  );

  app.get(
    '/api/cultivation/survey/export',
    { schema: { tags, querystring: surveyQuerySchema }, config: { access: rolesAccess('staff', 'leader') } },
    async (request, reply) => {
      const query = request.query;
      const rows = filterSurvey(
        await runSurvey(db, {
          actor: requireActor(request),
          street: query.street,
          industry: query.industry,
          keyword: query.keyword,
        }),
        query,
      );
      await recordAudit(db, request.context, {
        event: 'cultivation.survey.export',
        objectType: 'enterprises',
        after: { query, rows: rows.length },
      });
      const join = (texts: { zh: string }[]) => texts.map((text) => text.zh).join('；');
      return sendXlsx(reply, {
        fileName: `摸底调查-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '摸底调查',
        columns: [
          { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
          { header: '企业名称', width: 36, value: (row) => row.name },
          { header: '所属街道/镇', value: (row) => row.street ?? '' },
          { header: '所属行业', value: (row) => labelOf(INDUSTRIES, row.industry)?.zh ?? '' },
          { header: '科技型中小企业', width: 16, value: (row) => LEVEL_LABELS[row.techSmeLevel] },
          { header: '高新技术企业', width: 16, value: (row) => LEVEL_LABELS[row.highTechLevel] },
          { header: '高企差距', width: 60, value: (row) => join(row.highTechMissing) },
          { header: '科技型中小企业差距', width: 60, value: (row) => join(row.techSmeMissing) },
          { header: '培育措施', width: 60, value: (row) => join(row.measures) },
        ],
        pages: (async function* () {
          yield rows;
        })(),
      });
    },
  );

  app.get(
    '/api/enterprises/:id/figures',
    {
      schema: {
        tags,
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(storedFiguresSchema) }) },
      },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => ({
      items: await listFigures(db, { actor: requireActor(request), enterpriseId: request.params.id }),
    }),
  );

  app.put(
    '/api/enterprises/:id/figures/:year',
    {
      schema: {
        tags,
        params: figuresParamsSchema,
        body: saveFiguresBodySchema,
        response: { 200: storedFiguresSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise'), fieldLabels: FIGURES_FIELD_LABELS },
    },
    async (request) => {
      if (request.body.figures.year !== request.params.year) {
        throw new AppError(400, 'validation', [
          {
            path: 'figures.year',
            message:
              request.context.language === 'en' ? 'Year differs from the address' : '年度与所填报年度不一致',
          },
        ]);
      }
      return saveFigures(db, {
        enterpriseId: request.params.id,
        figures: request.body.figures,
        version: request.body.version,
        context: request.context,
      });
    },
  );
}
