import {
  INDICATOR_FIELD_LABELS,
  type IndicatorRecord,
  indicatorBreakdownQuerySchema,
  indicatorBreakdownSchema,
  indicatorDefinitionSchema,
  indicatorFigureSchema,
  indicatorFiguresQuerySchema,
  indicatorKeyParamsSchema,
  indicatorRecordsPageSchema,
  indicatorRecordsQuerySchema,
  indicatorStatisticSaveSchema,
  indicatorStatisticSchema,
  indicatorTargetParamsSchema,
  indicatorTargetSaveSchema,
  indicatorTrendQuerySchema,
  indicatorTrendSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import { computeContext, computeFigure, type IndicatorFilters } from '../../core/indicators/compute';
import {
  breakDownFigure,
  iterateIndicatorRecords,
  listIndicatorRecords,
  trendOfFigure,
} from '../../core/indicators/drill-down';
import { buildIndicatorRegistry } from '../../core/indicators/registry';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { defineRoute, exportRoute } from '../../core/routes';
import {
  canSee,
  describeIndicator,
  listFigures,
  listStatistics,
  readReportingYears,
  recordIndicator,
  saveStatistic,
  saveTarget,
  visibleIndicator,
} from './service';

const READERS = rolesAccess('staff', 'leader', 'observer');
const tags = ['dashboard'];

function filtersOf(query: { street?: string; industry?: string; category?: string }): IndicatorFilters {
  return { street: query.street, industry: query.industry, category: query.category };
}

/** 驾驶舱: every module's indicators, their figures, drill-downs, breakdowns, trends, targets and statistics. */
export function registerDashboardRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const registry = buildIndicatorRegistry(deps.modules);
  const recordsParams = indicatorKeyParamsSchema;

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/indicators',
    access: READERS,
    schema: { tags, response: { 200: z.array(indicatorDefinitionSchema) } },
    handler: async (request) => {
      const actor = requireActor(request);
      return [...registry.values()]
        .filter((indicator) => canSee(indicator, actor.role))
        .map(describeIndicator);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/years',
    access: READERS,
    schema: {
      tags,
      response: { 200: z.object({ years: z.array(z.number().int()), defaultYear: z.number().int() }) },
    },
    handler: async () => readReportingYears(db),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/figures',
    access: READERS,
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      querystring: indicatorFiguresQuerySchema,
      response: { 200: z.array(indicatorFigureSchema) },
    },
    handler: async (request) =>
      listFigures(db, registry, {
        actor: requireActor(request),
        period: request.query.period,
        keys: request.query.keys?.split(',').filter(Boolean),
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/indicators/:key/records',
    access: READERS,
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      params: recordsParams,
      querystring: indicatorRecordsQuerySchema,
      response: { 200: indicatorRecordsPageSchema },
    },
    handler: async (request) => {
      const indicator = recordIndicator(
        visibleIndicator(registry, requireActor(request), request.params.key),
      );
      const { period, page, pageSize } = request.query;
      const filters = filtersOf(request.query);
      const context = computeContext(db, registry);
      const { items, total } = await listIndicatorRecords(context, indicator, {
        period,
        filters,
        page,
        pageSize,
      });
      return {
        key: indicator.key,
        period,
        items,
        total,
        page,
        pageSize,
        figure: await computeFigure(context, indicator, period, filters),
      };
    },
  });

  exportRoute<
    { tags: string[]; params: typeof recordsParams; querystring: typeof indicatorRecordsQuerySchema },
    IndicatorRecord
  >(app, db, {
    url: '/api/dashboard/indicators/:key/records/export',
    access: READERS,
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: { tags, params: recordsParams, querystring: indicatorRecordsQuerySchema },
    audit: (request) => ({
      event: 'indicator.export',
      objectType: 'indicator',
      objectId: request.params.key,
      after: request.query,
    }),
    fileName: (request) =>
      `指标明细-${registry.get(request.params.key)?.name.zh ?? request.params.key}-${request.query.period}`,
    sheetName: '明细',
    columns: [
      { header: '记录', width: 36, value: (row) => row.label },
      { header: '企业', width: 30, value: (row) => row.enterpriseName },
      { header: '日期', width: 12, value: (row) => row.onDate },
      {
        header: '金额（万元）',
        width: 14,
        value: (row) => (row.amountFen === null ? null : row.amountFen / 1_000_000),
      },
      { header: '街道（镇）', value: (row) => row.street },
      { header: '行业', value: (row) => row.industry },
      { header: '类别', value: (row) => row.category },
    ],
    rows: async function* (request) {
      const indicator = recordIndicator(
        visibleIndicator(registry, requireActor(request), request.params.key),
      );
      const records = iterateIndicatorRecords(computeContext(db, registry), indicator, {
        period: request.query.period,
        filters: filtersOf(request.query),
      });
      let page: IndicatorRecord[] = [];
      for await (const record of records) {
        page.push(record);
        if (page.length === 500) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/indicators/:key/breakdown',
    access: READERS,
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      params: recordsParams,
      querystring: indicatorBreakdownQuerySchema,
      response: { 200: indicatorBreakdownSchema },
    },
    handler: async (request) => {
      const indicator = recordIndicator(
        visibleIndicator(registry, requireActor(request), request.params.key),
      );
      const { period, by } = request.query;
      const rows = await breakDownFigure(computeContext(db, registry), indicator, { period, by });
      return { key: indicator.key, period, by, rows };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/indicators/:key/trend',
    access: READERS,
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      params: recordsParams,
      querystring: indicatorTrendQuerySchema,
      response: { 200: indicatorTrendSchema },
    },
    handler: async (request) => {
      const indicator = visibleIndicator(registry, requireActor(request), request.params.key);
      const trend = await trendOfFigure(computeContext(db, registry), indicator, request.query);
      return { key: indicator.key, ...trend };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/dashboard/indicators/:key/targets/:year',
    access: rolesAccess('staff'),
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      params: indicatorTargetParamsSchema,
      body: indicatorTargetSaveSchema,
      response: {
        200: z.object({
          key: z.string(),
          year: z.number().int(),
          value: z.number(),
          version: z.number().int(),
        }),
      },
    },
    handler: async (request) =>
      saveTarget(db, registry, {
        context: request.context,
        actor: requireActor(request),
        key: request.params.key,
        year: request.params.year,
        ...request.body,
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/statistics',
    access: rolesAccess('staff', 'leader'),
    schema: { tags, response: { 200: z.array(indicatorStatisticSchema) } },
    handler: async (request) => listStatistics(db, registry, requireActor(request)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/dashboard/indicators/:key/statistics',
    access: rolesAccess('staff'),
    fieldLabels: INDICATOR_FIELD_LABELS,
    schema: {
      tags,
      params: recordsParams,
      body: indicatorStatisticSaveSchema,
      response: { 200: indicatorStatisticSchema },
    },
    handler: async (request) =>
      saveStatistic(db, registry, {
        context: request.context,
        actor: requireActor(request),
        key: request.params.key,
        input: request.body,
      }),
  });
}
