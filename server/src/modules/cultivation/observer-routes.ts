import {
  observerHighTechPageSchema,
  observerListQuerySchema,
  observerRdExpensePageSchema,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { exportRoute, readAllPages } from '../../core/routes';
import { listObserverHighTech, listObserverRdExpenses } from './observer-service';

const VALIDITY_ZH = { valid: '有效', expiring: '即将到期', expired: '已过期' } as const;
const toYuan = (fen: number) => Math.round(fen) / 100;

/**
 * 信息畅通机制: the finance/tax observer's two lists and their exports. Every view and every export
 * is audited, including the query, so the bureau can answer who looked at which enterprises.
 */
export function registerObserverRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['observer'];
  const access = rolesAccess('observer', 'staff');
  const config = { access };

  app.get(
    '/api/observer/high-tech-enterprises',
    {
      schema: { tags, querystring: observerListQuerySchema, response: { 200: observerHighTechPageSchema } },
      config,
    },
    async (request) => {
      const page = await listObserverHighTech(db, { query: request.query });
      await recordAudit(db, request.context, {
        event: 'observer.view',
        objectType: 'high_tech_certificates',
        after: { list: 'high-tech-enterprises', query: request.query, rows: page.items.length },
      });
      return page;
    },
  );

  exportRoute(app, db, {
    url: '/api/observer/high-tech-enterprises/export',
    schema: { tags, querystring: observerListQuerySchema },
    access,
    audit: (request) => ({
      event: 'observer.export',
      objectType: 'high_tech_certificates',
      after: { list: 'high-tech-enterprises', query: request.query },
    }),
    fileName: () => '高新技术企业名单',
    sheetName: '高新技术企业',
    rows: (request) =>
      readAllPages((page, pageSize) =>
        listObserverHighTech(db, { query: { ...request.query, page, pageSize } }),
      ),
    columns: [
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '证书编号', width: 18, value: (row) => row.certificateNumber },
      { header: '发证日期', width: 12, value: (row) => row.issuedOn },
      { header: '到期日', width: 12, value: (row) => row.expiresOn },
      { header: '状态', width: 10, value: (row) => VALIDITY_ZH[row.validity] },
    ],
  });

  app.get(
    '/api/observer/rd-expenses',
    {
      schema: { tags, querystring: observerListQuerySchema, response: { 200: observerRdExpensePageSchema } },
      config,
    },
    async (request) => {
      const page = await listObserverRdExpenses(db, { query: request.query });
      await recordAudit(db, request.context, {
        event: 'observer.view',
        objectType: 'enterprise_year_figures',
        after: { list: 'rd-expenses', query: request.query, rows: page.items.length },
      });
      return page;
    },
  );

  exportRoute(app, db, {
    url: '/api/observer/rd-expenses/export',
    schema: { tags, querystring: observerListQuerySchema },
    access,
    audit: (request) => ({
      event: 'observer.export',
      objectType: 'enterprise_year_figures',
      after: { list: 'rd-expenses', query: request.query },
    }),
    fileName: () => '高新技术企业研发费用',
    sheetName: '研发费用',
    rows: (request) =>
      readAllPages((page, pageSize) =>
        listObserverRdExpenses(db, { query: { ...request.query, page, pageSize } }),
      ),
    columns: [
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '研发费用总额（元）', width: 18, value: (row) => toYuan(row.rdExpenseFen) },
      { header: '其中境内研发费用（元）', width: 20, value: (row) => toYuan(row.rdExpenseDomesticFen) },
    ],
  });
}
