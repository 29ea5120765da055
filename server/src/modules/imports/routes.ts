import { idParamSchema } from '@kechuang/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { anyUser, requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError, notFound } from '../../core/errors';
import { attachmentHeader } from '../../core/excel';
import {
  assertSafeXlsx,
  buildImportTemplate,
  cleanFileName,
  importLimitsOf,
  runImportJob,
} from '../../core/excel-import';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { importJobs } from '../../db/schema';

export const importJobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(['validating', 'failed', 'done']),
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  result: z.object({ created: z.number().int(), updated: z.number().int() }).nullable(),
  createdAt: z.string(),
});

export function registerImportRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['imports'];

  // Each module declares its own imports; this module gives every one a template, an upload and a job.
  for (const { definition, roles } of deps.modules.flatMap((module) => module.imports)) {
    app.get(
      `/api/imports/${definition.kind}/template`,
      { schema: { tags }, config: { access: rolesAccess(...roles) } },
      async (_request, reply) => {
        const buffer = await buildImportTemplate(definition);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(`${definition.title}导入模板.xlsx`))
          .header('x-content-type-options', 'nosniff')
          .send(buffer);
      },
    );

    app.post(
      `/api/imports/${definition.kind}`,
      { schema: { tags, response: { 202: importJobSchema } }, config: { access: rolesAccess(...roles) } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) throw new AppError(400, 'importNotXlsx');
        const limits = importLimitsOf(definition);
        const file = await request.file({
          limits: { fileSize: limits.maxFileBytes, files: 1, fields: 5, parts: 6 },
        });
        if (!file) throw new AppError(400, 'importNotXlsx');
        const buffer = await file.toBuffer().catch(() => {
          throw new AppError(413, 'importTooLarge');
        });
        if (!/\.xlsx$/i.test(file.filename)) throw new AppError(400, 'importNotXlsx');
        await assertSafeXlsx(buffer, limits.maxUncompressedBytes);
        const fileName = cleanFileName(file.filename);
        const [job] = await db
          .insert(importJobs)
          .values({ kind: definition.kind, status: 'validating', fileName, createdBy: actor.userId })
          .returning();
        await recordAudit(db, request.context, {
          event: `import.${definition.kind}.upload`,
          objectType: 'import_jobs',
          objectId: job.id,
          after: { fileName, bytes: buffer.length },
        });
        // Validation and the import run after the answer; the page polls the job for progress.
        const context = { ...request.context };
        setImmediate(() => {
          runImportJob(db, { definition, jobId: job.id, buffer, context }).catch((error) =>
            request.log.error({ err: error }, 'import job failed'),
          );
        });
        reply.code(202);
        return {
          ...job,
          status: 'validating' as const,
          result: null,
          createdAt: job.createdAt.toISOString(),
        };
      },
    );
  }

  app.get(
    '/api/imports/jobs/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: importJobSchema } },
      config: { access: anyUser },
    },
    async (request) => {
      const actor = requireActor(request);
      const [job] = await db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, request.params.id), eq(importJobs.createdBy, actor.userId)));
      if (!job) throw notFound();
      return {
        ...job,
        status: job.status as 'validating' | 'failed' | 'done',
        createdAt: job.createdAt.toISOString(),
      };
    },
  );
}
