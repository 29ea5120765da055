import type { EnterpriseYearFigures } from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { enterpriseScope, ownsEnterprise } from '../../core/scope';
import type { Database } from '../../db/connection';
import { enterprises, enterpriseYearFigures } from '../../db/schema';

type FiguresRow = typeof enterpriseYearFigures.$inferSelect;

export interface StoredFigures extends EnterpriseYearFigures {
  source: string;
  version: number;
  updatedAt: string;
}

export function toStoredFigures(row: FiguresRow): StoredFigures {
  return {
    year: row.year,
    employees: row.employees,
    sciTechStaff: row.sciTechStaff,
    revenueFen: row.revenueFen,
    costFen: row.costFen,
    totalAssetsFen: row.totalAssetsFen,
    netAssetsFen: row.netAssetsFen,
    liabilitiesFen: row.liabilitiesFen,
    rdExpenseFen: row.rdExpenseFen,
    rdExpenseDomesticFen: row.rdExpenseDomesticFen,
    highTechRevenueFen: row.highTechRevenueFen,
    ipClass1Count: row.ipClass1Count,
    ipClass2Count: row.ipClass2Count,
    ipSelfDevelopedCount: row.ipSelfDevelopedCount,
    conversionsCount: row.conversionsCount,
    industrialOutputFen: row.industrialOutputFen,
    isAboveDesignatedSize: row.isAboveDesignatedSize,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The enterprise as the caller may see it (data scope), or 404. */
export async function loadScopedEnterprise(db: Database, actor: Actor, enterpriseId: number) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), enterpriseScope(actor)));
  if (!row) throw notFound();
  return row;
}

export async function listFigures(
  db: Database,
  options: { actor: Actor; enterpriseId: number },
): Promise<StoredFigures[]> {
  await loadScopedEnterprise(db, options.actor, options.enterpriseId);
  const rows = await db
    .select()
    .from(enterpriseYearFigures)
    .where(eq(enterpriseYearFigures.enterpriseId, options.enterpriseId))
    .orderBy(asc(enterpriseYearFigures.year));
  return rows.map(toStoredFigures);
}

/**
 * Files or corrects one year's figures. `version` 0 files a new year; a correction names the
 * version it corrects, and a stale one is refused with 409. Before/after go to the audit trail.
 */
export async function saveFigures(
  db: Database,
  options: { enterpriseId: number; figures: EnterpriseYearFigures; version: number; context: RequestContext },
): Promise<StoredFigures> {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, options.enterpriseId);
  if (!(actor.role === 'staff' || ownsEnterprise(actor, enterprise.id))) throw new AppError(403, 'forbidden');
  const source = actor.role === 'enterprise' ? 'enterprise' : 'staff';
  const { figures } = options;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(enterpriseYearFigures)
        .where(
          and(
            eq(enterpriseYearFigures.enterpriseId, enterprise.id),
            eq(enterpriseYearFigures.year, figures.year),
          ),
        )
        .for('update');
      let saved: FiguresRow | undefined;
      if (!before) {
        if (options.version !== 0) throw versionConflict();
        [saved] = await tx
          .insert(enterpriseYearFigures)
          .values({ ...figures, enterpriseId: enterprise.id, source })
          .returning();
      } else {
        if (before.version !== options.version) throw versionConflict();
        [saved] = await tx
          .update(enterpriseYearFigures)
          .set({
            ...figures,
            source,
            updatedAt: new Date(),
            version: sql`${enterpriseYearFigures.version} + 1`,
          })
          .where(
            and(eq(enterpriseYearFigures.id, before.id), eq(enterpriseYearFigures.version, options.version)),
          )
          .returning();
        if (!saved) throw versionConflict();
      }
      await recordAudit(tx, options.context, {
        event: before ? 'figures.correct' : 'figures.file',
        objectType: 'enterprise_year_figures',
        objectId: `${enterprise.id}/${figures.year}`,
        before: before ? toStoredFigures(before) : null,
        after: toStoredFigures(saved),
      });
      return toStoredFigures(saved);
    });
  } catch (error) {
    // Two first filings of the same year at once: the loser sees a conflict, not a 500.
    if (isUniqueViolation(error)) throw versionConflict();
    throw error;
  }
}
