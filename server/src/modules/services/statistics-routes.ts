import {
  categoryName,
  type ServiceEventFigures,
  type ServiceProblemFigures,
  serviceProblemWorkflow,
  serviceStatisticsQuerySchema,
  serviceStatisticsSchema,
  VISIT_TARGET_KIND_LABELS,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { defineRoute, exportRoute } from '../../core/routes';
import { fieldLabels } from './shared';
import { readServiceStatistics } from './statistics-service';

const tags = ['services'];

/** One line of the statistics workbook: a dimension, an item and the figures that apply to it. */
interface StatisticsLine {
  dimension: string;
  item: string;
  count: number;
  signedUp?: number;
  attended?: number;
  attendanceRate?: number | null;
  satisfaction?: number | null;
  planned?: number;
  visited?: number;
  closed?: number;
  onTimeRate?: number | null;
  averageDaysToClose?: number | null;
  reopenRate?: number | null;
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
const blank = (value: number | null | undefined) => (value === null || value === undefined ? '' : value);

const eventLine = (dimension: string, item: string, figures: ServiceEventFigures): StatisticsLine => ({
  dimension,
  item,
  count: figures.events,
  signedUp: figures.signedUp,
  attended: figures.attended,
  attendanceRate: figures.attendanceRate,
  satisfaction: figures.satisfaction,
});
const problemLine = (dimension: string, item: string, figures: ServiceProblemFigures): StatisticsLine => ({
  dimension,
  item,
  count: figures.total,
  closed: figures.closed,
  onTimeRate: figures.onTimeRate,
  averageDaysToClose: figures.averageDaysToClose,
  reopenRate: figures.reopenRate,
});

/** 科技服务 statistics for the bureau, and their Excel export. */
export function registerStatisticsRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const bureau = rolesAccess('staff', 'leader');

  defineRoute(app, {
    method: 'GET',
    url: '/api/services/statistics',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: serviceStatisticsQuerySchema, response: { 200: serviceStatisticsSchema } },
    handler: async (request) => readServiceStatistics(db, request.query),
  });

  exportRoute(app, db, {
    url: '/api/services/statistics/export',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: serviceStatisticsQuerySchema },
    audit: (request) => ({ event: 'service-statistics.export', after: { query: request.query } }),
    fileName: (request) => `科技服务统计-${request.query.year ?? '全部年度'}`,
    sheetName: '科技服务统计',
    rows: async function* (request) {
      const statistics = await readServiceStatistics(db, request.query);
      const lines: StatisticsLine[] = [
        eventLine(
          '活动合计',
          statistics.year ? `${statistics.year}年` : '全部年度',
          statistics.events.totals,
        ),
        ...statistics.events.byTypeAndYear.map((row) =>
          eventLine('活动（按类型和年度）', `${row.year}年 ${row.typeName}`, row),
        ),
        ...statistics.questions.byYear.map((row) => ({
          dimension: '在线答疑（按提问年度）',
          item: `${row.year}年 已解答（共提问 ${row.asked} 个，公开为常见问题 ${row.published} 个）`,
          count: row.answered,
        })),
        ...statistics.visits.byCampaignAndKind.map((row) => ({
          dimension: '走访（按调研活动和对象类型）',
          item: `${row.campaignName} · ${VISIT_TARGET_KIND_LABELS[row.kind].zh}`,
          count: row.visits,
          planned: row.planned,
          visited: row.visited,
        })),
        problemLine('问题合计', '全部问题', statistics.problems.totals),
        ...statistics.problems.byCategory.map((row) =>
          problemLine('问题（按类别）', categoryName(row.category), row),
        ),
        ...statistics.problems.byDepartment.map((row) =>
          problemLine('问题（按责任单位）', row.departmentName, row),
        ),
        ...statistics.problems.byStatus.map((row) =>
          problemLine('问题（按办理状态）', serviceProblemWorkflow.states[row.status].zh, row),
        ),
      ];
      yield lines;
    },
    columns: [
      { header: '统计维度', width: 26, value: (row) => row.dimension },
      { header: '项目', width: 36, value: (row) => row.item },
      { header: '数量（场次/次/件）', width: 16, value: (row) => row.count },
      { header: '报名人数', width: 10, value: (row) => blank(row.signedUp) },
      { header: '签到人数', width: 10, value: (row) => blank(row.attended) },
      { header: '到会率', width: 10, value: (row) => percent(row.attendanceRate) },
      { header: '满意度（1–5）', width: 12, value: (row) => blank(row.satisfaction) },
      { header: '计划走访', width: 10, value: (row) => blank(row.planned) },
      { header: '已走访', width: 10, value: (row) => blank(row.visited) },
      { header: '已销号', width: 10, value: (row) => blank(row.closed) },
      { header: '按期办结率', width: 12, value: (row) => percent(row.onTimeRate) },
      { header: '平均办结天数', width: 12, value: (row) => blank(row.averageDaysToClose) },
      { header: '重办率', width: 10, value: (row) => percent(row.reopenRate) },
    ],
  });
}
