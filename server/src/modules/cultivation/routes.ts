import { enterpriseYearFiguresSchema, FIGURES_FIELD_LABELS, idParamSchema } from '@kechuang/domain';
import { z } from 'zod';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
import { AppError } from '../../core/errors';
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

export function registerCultivationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];

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
