import {
  idParamSchema,
  TECH_BUYER_REGION_LABELS,
  TECH_STAT_CATEGORY_LABELS,
  type TechFigures,
  type TechGuidanceVisit,
  type TechPotentialEnterprise,
  techGuidanceVisitInputSchema,
  techGuidanceVisitPageSchema,
  techGuidanceVisitQuerySchema,
  techGuidanceVisitSaveSchema,
  techGuidanceVisitSchema,
  techPotentialPageSchema,
  techPotentialQuerySchema,
  techStatisticsQuerySchema,
  techStatisticsSchema,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute, listRoute } from '../../core/routes';
import {
  createGuidanceVisit,
  iterateGuidanceVisits,
  listGuidanceVisits,
  updateGuidanceVisit,
} from './guidance-service';
import { iteratePotentialEnterprises, listPotentialEnterprises } from './potential-service';
import { readTechStatistics } from './statistics-service';

const wan = (fen: number) => Number((fen / 1_000_000).toFixed(2));

const GUIDANCE_KIND_LABELS: Record<TechGuidanceVisit['kind'], string> = {
  visit: '上门走访',
  call: '电话指导',
  training: '集中培训',
  other: '其他',
};

interface StatisticsLine extends TechFigures {
  dimension: string;
  item: string;
}

const pagingFields = { page: true, pageSize: true, sort: true, order: true } as const;

/**
 * 技术合同 statistics (the bureau and the finance/tax observer, who follows 免税), the 挖掘潜力 list
 * and the guidance team's visits (the bureau only: they rest on enterprises' R&D figures).
 */
export function registerTechStatisticsRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['tech-transfer'];
  const statisticsReaders = rolesAccess('staff', 'leader', 'observer');
  const bureau = rolesAccess('staff', 'leader');

  defineRoute(app, {
    method: 'GET',
    url: '/api/tech-transfer/statistics',
    access: statisticsReaders,
    schema: { tags, querystring: techStatisticsQuerySchema, response: { 200: techStatisticsSchema } },
    handler: async (request) => readTechStatistics(db, request.query),
  });

  exportRoute(app, db, {
    url: '/api/tech-transfer/statistics/export',
    access: statisticsReaders,
    schema: { tags, querystring: techStatisticsQuerySchema },
    audit: (request) => ({ event: 'tech-contract.statistics.export', after: { query: request.query } }),
    fileName: (request) =>
      `技术合同登记统计-${request.query.year}${request.query.month ? `-${request.query.month}月` : ''}`,
    sheetName: '技术合同登记统计',
    rows: async function* (request) {
      const statistics = await readTechStatistics(db, request.query);
      const line = (dimension: string, item: string, figures: TechFigures): StatisticsLine => ({
        dimension,
        item,
        ...figures,
      });
      yield [
        line(
          '合计',
          `${statistics.year}年${statistics.month ? `${statistics.month}月` : ''}`,
          statistics.totals,
        ),
        line('输出/吸纳', '输出（卖方在本区）', statistics.flows.output),
        line('输出/吸纳', '吸纳（买方在本区）', statistics.flows.absorbed),
        ...statistics.byMonth.map((row) => line('按月份', `${row.month}月`, row)),
        ...statistics.byCategory.map((row) =>
          line('按合同类别', TECH_STAT_CATEGORY_LABELS[row.statCategory].zh, row),
        ),
        ...statistics.byBuyerRegion.map((row) =>
          line('按买方所在地', TECH_BUYER_REGION_LABELS[row.buyerRegion].zh, row),
        ),
        ...statistics.byStreet.map((row) => line('按卖方所在街道', row.street || '未填写', row)),
        ...statistics.bySeller.map((row) => line('按卖方', row.sellerName, row)),
      ];
    },
    columns: [
      { header: '统计维度', width: 16, value: (row) => row.dimension },
      { header: '项目', width: 36, value: (row) => row.item },
      { header: '合同数（项）', width: 12, value: (row) => row.contracts },
      { header: '技术合同成交额（万元）', width: 20, value: (row) => wan(row.contractFen) },
      { header: '技术交易额（万元）', width: 18, value: (row) => wan(row.techFen) },
      { header: '免税技术交易额（万元）', width: 20, value: (row) => wan(row.claimedTechFen) },
    ],
  });

  listRoute(app, {
    url: '/api/tech-transfer/statistics/potential',
    tags,
    access: bureau,
    querystring: techPotentialQuerySchema,
    response: techPotentialPageSchema,
    list: ({ query }) => listPotentialEnterprises(db, query),
  });

  const potentialExportSchema = { tags, querystring: techPotentialQuerySchema.omit(pagingFields) };
  exportRoute<typeof potentialExportSchema, TechPotentialEnterprise>(app, db, {
    url: '/api/tech-transfer/statistics/potential/export',
    access: bureau,
    schema: potentialExportSchema,
    audit: (request) => ({ event: 'tech-contract.potential.export', after: { query: request.query } }),
    fileName: (request) => `技术合同挖掘潜力企业-${request.query.year}`,
    sheetName: '挖掘潜力企业',
    rows: (request) => iteratePotentialEnterprises(db, request.query),
    columns: [
      { header: '企业名称', width: 36, value: (row) => row.name },
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '所在街道', width: 14, value: (row) => row.street ?? '' },
      { header: '数据年度', width: 10, value: (row) => row.figuresYear },
      { header: '研发费用（万元）', width: 16, value: (row) => wan(row.rdExpenseFen) },
      { header: 'Ⅰ类知识产权（件）', width: 16, value: (row) => row.ipClass1Count },
      { header: 'Ⅱ类知识产权（件）', width: 16, value: (row) => row.ipClass2Count },
      { header: '最近登记日期', width: 14, value: (row) => row.lastRegisteredOn ?? '从未登记' },
      { header: '本年指导次数', width: 12, value: (row) => row.visits },
      { header: '最近指导日期', width: 14, value: (row) => row.lastVisitedOn ?? '' },
    ],
  });

  listRoute(app, {
    url: '/api/tech-transfer/guidance-visits',
    tags,
    access: bureau,
    querystring: techGuidanceVisitQuerySchema,
    response: techGuidanceVisitPageSchema,
    list: ({ query }) => listGuidanceVisits(db, query),
  });

  const visitExportSchema = { tags, querystring: techGuidanceVisitQuerySchema.omit(pagingFields) };
  exportRoute<typeof visitExportSchema, TechGuidanceVisit>(app, db, {
    url: '/api/tech-transfer/guidance-visits/export',
    access: bureau,
    schema: visitExportSchema,
    audit: (request) => ({ event: 'tech-guidance-visit.export', after: { query: request.query } }),
    fileName: () => '技术合同登记服务指导记录',
    sheetName: '指导记录',
    rows: (request) => iterateGuidanceVisits(db, request.query),
    columns: [
      { header: '日期', width: 12, value: (row) => row.visitedOn },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '方式', width: 10, value: (row) => GUIDANCE_KIND_LABELS[row.kind] },
      { header: '指导组成员', width: 20, value: (row) => row.visitors },
      { header: '指导意见', width: 60, value: (row) => row.advice },
      { header: '记录人', width: 10, value: (row) => row.recordedByName },
    ],
  });

  createRoute(app, db, {
    url: '/api/tech-transfer/guidance-visits',
    access: rolesAccess('staff'),
    schema: { tags, body: techGuidanceVisitInputSchema, response: { 201: techGuidanceVisitSchema } },
    create: (request) => createGuidanceVisit(db, { input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/tech-transfer/guidance-visits/:id',
    access: rolesAccess('staff'),
    schema: {
      tags,
      params: idParamSchema,
      body: techGuidanceVisitSaveSchema,
      response: { 200: techGuidanceVisitSchema },
    },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return updateGuidanceVisit(db, { id: request.params.id, version, input, context: request.context });
    },
  });
}
