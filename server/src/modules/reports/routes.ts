import {
  annualReportChangesSchema,
  annualReportEditionParamsSchema,
  annualReportFinaliseSchema,
  annualReportPreviewSchema,
  annualReportSaveSchema,
  annualReportViewSchema,
  annualReportYearParamsSchema,
} from '@kechuang/domain';
import type { FastifyReply } from 'fastify';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { notFound } from '../../core/errors';
import { attachmentHeader } from '../../core/excel';
import { buildIndicatorRegistry } from '../../core/indicators/registry';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { defineRoute } from '../../core/routes';
import { renderAnnualReport } from './report-word';
import {
  finaliseReport,
  previewOfEdition,
  previewReport,
  readEdition,
  readReport,
  reportChanges,
  saveReport,
} from './service';

const READERS = rolesAccess('staff', 'leader');
const tags = ['reports'];

function sendDocx(reply: FastifyReply, buffer: Buffer, fileName: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', attachmentHeader(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** 年度工作报告: the text around the figures, its preview, its Word document and its finalised editions. */
export function registerReportRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const registry = buildIndicatorRegistry(deps.modules);

  defineRoute(app, {
    method: 'GET',
    url: '/api/annual-reports/:year',
    access: READERS,
    schema: { tags, params: annualReportYearParamsSchema, response: { 200: annualReportViewSchema } },
    handler: async (request) => readReport(db, request.params.year),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/annual-reports/:year',
    access: rolesAccess('staff'),
    schema: {
      tags,
      params: annualReportYearParamsSchema,
      body: annualReportSaveSchema,
      response: { 200: annualReportViewSchema },
    },
    handler: async (request) =>
      saveReport(db, registry, {
        year: request.params.year,
        content: request.body.content,
        version: request.body.version,
        context: request.context,
        actor: requireActor(request),
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/annual-reports/:year/preview',
    access: READERS,
    schema: { tags, params: annualReportYearParamsSchema, response: { 200: annualReportPreviewSchema } },
    handler: async (request) => {
      const report = await readReport(db, request.params.year);
      return previewReport(db, registry, { year: request.params.year, content: report.content });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/annual-reports/:year/document',
    access: READERS,
    schema: { tags, params: annualReportYearParamsSchema },
    handler: async (request, reply) => {
      const { year } = request.params;
      const report = await readReport(db, year);
      const preview = await previewReport(db, registry, { year, content: report.content });
      await recordAudit(db, request.context, {
        event: 'annual-report.download',
        objectType: 'annual_reports',
        objectId: year,
      });
      return sendDocx(
        reply,
        await renderAnnualReport(preview, null),
        `${year}年度科技创新工作报告（预览稿）.docx`,
      );
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/annual-reports/:year/finalise',
    access: rolesAccess('staff'),
    schema: {
      tags,
      params: annualReportYearParamsSchema,
      body: annualReportFinaliseSchema,
      response: { 200: annualReportViewSchema },
    },
    handler: async (request) =>
      finaliseReport(db, registry, {
        year: request.params.year,
        version: request.body.version,
        context: request.context,
        actor: requireActor(request),
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/annual-reports/:year/editions/:edition/document',
    access: READERS,
    schema: { tags, params: annualReportEditionParamsSchema },
    handler: async (request, reply) => {
      const { year, edition } = request.params;
      const row = await readEdition(db, year, edition);
      if (!row) throw notFound();
      await recordAudit(db, request.context, {
        event: 'annual-report.download',
        objectType: 'annual_reports',
        objectId: year,
        after: { edition },
      });
      return sendDocx(
        reply,
        await renderAnnualReport(previewOfEdition(row), edition),
        `${year}年度科技创新工作报告（第${edition}版）.docx`,
      );
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/annual-reports/:year/changes',
    access: READERS,
    schema: { tags, params: annualReportYearParamsSchema, response: { 200: annualReportChangesSchema } },
    handler: async (request) => reportChanges(db, registry, request.params.year),
  });
}
