import type { MonthlyOutput, Period } from '@kechuang/domain';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { enterpriseScope, ownsEnterprise } from '../../core/scope';
import type { Database } from '../../db/connection';
import { enterpriseMonthlyOutput, enterprises } from '../../db/schema';

type OutputRow = typeof enterpriseMonthlyOutput.$inferSelect;

export interface StoredMonthlyOutput extends MonthlyOutput {
  source: string;
  version: number;
  updatedAt: string;
}

function toStoredOutput(row: OutputRow): StoredMonthlyOutput {
  return {
    period: row.period,
    industrialOutputFen: row.industrialOutputFen,
    highTechOutputFen: row.highTechOutputFen,
    isAboveDesignatedSize: row.isAboveDesignatedSize,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The enterprise as the caller may see it (data scope), or 404. */
async function loadScopedEnterprise(db: Database, actor: Actor, enterpriseId: number) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), enterpriseScope(actor)));
  if (!row) throw notFound();
  return row;
}

export async function listMonthlyOutput(
  db: Database,
  options: { actor: Actor; enterpriseId: number; from?: Period; to?: Period },
): Promise<StoredMonthlyOutput[]> {
  await loadScopedEnterprise(db, options.actor, options.enterpriseId);
  const rows = await db
    .select()
    .from(enterpriseMonthlyOutput)
    .where(
      and(
        eq(enterpriseMonthlyOutput.enterpriseId, options.enterpriseId),
        options.from ? gte(enterpriseMonthlyOutput.period, options.from) : undefined,
        options.to ? lte(enterpriseMonthlyOutput.period, options.to) : undefined,
      ),
    )
    .orderBy(asc(enterpriseMonthlyOutput.period));
  return rows.map(toStoredOutput);
}

/**
 * Files or corrects one month's output. `version` 0 files a new month; a correction names the
 * version it corrects, and a stale one is refused with 409. Before/after go to the audit trail.
 */
export async function saveMonthlyOutput(
  db: Database,
  options: { enterpriseId: number; output: MonthlyOutput; version: number; context: RequestContext },
): Promise<StoredMonthlyOutput> {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, options.enterpriseId);
  if (!(actor.role === 'staff' || ownsEnterprise(actor, enterprise.id))) throw new AppError(403, 'forbidden');
  const source = actor.role === 'enterprise' ? 'enterprise' : 'staff';
  const { output } = options;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(enterpriseMonthlyOutput)
        .where(
          and(
            eq(enterpriseMonthlyOutput.enterpriseId, enterprise.id),
            eq(enterpriseMonthlyOutput.period, output.period),
          ),
        )
        .for('update');
      let saved: OutputRow | undefined;
      if (!before) {
        if (options.version !== 0) throw versionConflict();
        [saved] = await tx
          .insert(enterpriseMonthlyOutput)
          .values({ ...output, enterpriseId: enterprise.id, source })
          .returning();
      } else {
        if (before.version !== options.version) throw versionConflict();
        [saved] = await tx
          .update(enterpriseMonthlyOutput)
          .set({
            ...output,
            source,
            updatedAt: new Date(),
            version: sql`${enterpriseMonthlyOutput.version} + 1`,
          })
          .where(
            and(
              eq(enterpriseMonthlyOutput.id, before.id),
              eq(enterpriseMonthlyOutput.version, options.version),
            ),
          )
          .returning();
        if (!saved) throw versionConflict();
      }
      await recordAudit(tx, options.context, {
        event: before ? 'monthlyOutput.correct' : 'monthlyOutput.file',
        objectType: 'enterprise_monthly_output',
        objectId: `${enterprise.id}/${output.period}`,
        before: before ? toStoredOutput(before) : null,
        after: toStoredOutput(saved),
      });
      return toStoredOutput(saved);
    });
  } catch (error) {
    // Two first filings of the same month at once: the loser sees a conflict, not a 500.
    if (isUniqueViolation(error)) throw versionConflict();
    throw error;
  }
}
