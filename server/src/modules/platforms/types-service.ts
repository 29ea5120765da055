import type { PlatformType, PlatformTypeInput, PlatformTypeUpdate } from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { platforms, platformTypes } from '../../db/schema';
import { platformFieldError } from './platform-view';

type PlatformTypeRow = typeof platformTypes.$inferSelect;
const toPlatformType = (row: PlatformTypeRow): PlatformType => ({
  id: row.id,
  code: row.code,
  name: row.name,
  levels: row.levels,
  authority: row.authority,
  allowsSeveralHosts: row.allowsSeveralHosts,
  countsForCoverage: row.countsForCoverage,
  sortOrder: row.sortOrder,
  isActive: row.isActive,
  requirements: row.requirements,
  evaluationRule: row.evaluationRule,
  version: row.version,
});

export async function listPlatformTypes(executor: Executor): Promise<PlatformType[]> {
  const rows = await executor
    .select()
    .from(platformTypes)
    .orderBy(asc(platformTypes.sortOrder), asc(platformTypes.id));
  return rows.map(toPlatformType);
}

export async function findPlatformType(executor: Executor, id: number): Promise<PlatformType | undefined> {
  const [row] = await executor.select().from(platformTypes).where(eq(platformTypes.id, id));
  return row ? toPlatformType(row) : undefined;
}

export async function createPlatformType(
  db: Database,
  options: { input: PlatformTypeInput; context: RequestContext },
): Promise<PlatformType> {
  const { input, context } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(platformTypes).values(input).returning();
      const created = toPlatformType(row);
      await recordAudit(tx, context, {
        event: 'platform-type.create',
        objectType: 'platform_types',
        objectId: row.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const refusal = platformFieldError('code', 'platforms.typeCodeTaken', context.language);
      throw new AppError(409, 'duplicate', refusal.details);
    }
    throw error;
  }
}

/**
 * Renames a type, changes its levels or retires it. A level still held by a platform in the
 * registry cannot be taken away, so no record is left at a combination that no longer exists.
 */
export async function updatePlatformType(
  db: Database,
  options: { id: number; input: PlatformTypeUpdate; context: RequestContext },
): Promise<PlatformType> {
  const { input, context } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(platformTypes)
      .where(eq(platformTypes.id, options.id))
      .for('update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    const removed = before.levels.filter((level) => !input.levels.includes(level));
    if (removed.length > 0) {
      const [{ total }] = await tx
        .select({ total: sql<number>`count(*)::int` })
        .from(platforms)
        .where(
          and(
            eq(platforms.typeId, before.id),
            sql`${platforms.level} in (${sql.join(
              removed.map((level) => sql`${level}`),
              sql`, `,
            )})`,
          ),
        );
      if (total > 0) throw platformFieldError('levels', 'platforms.typeLevelsInUse', context.language);
    }
    const [row] = await tx
      .update(platformTypes)
      .set({
        name: input.name,
        levels: input.levels,
        authority: input.authority,
        allowsSeveralHosts: input.allowsSeveralHosts,
        countsForCoverage: input.countsForCoverage,
        sortOrder: input.sortOrder,
        isActive: input.isActive,
        ...(input.requirements === undefined ? {} : { requirements: input.requirements }),
        ...(input.evaluationRule === undefined ? {} : { evaluationRule: input.evaluationRule }),
        version: sql`${platformTypes.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(platformTypes.id, before.id), eq(platformTypes.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    const after = toPlatformType(row);
    await recordAudit(tx, context, {
      event: 'platform-type.update',
      objectType: 'platform_types',
      objectId: row.id,
      before: toPlatformType(before),
      after,
    });
    return after;
  });
}
