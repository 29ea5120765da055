import type { PlanCategory, PlanCategoryInput } from '@kechuang/domain';
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { planCategories, talentProgrammes } from '../../db/schema';
import { duplicateError, fieldError } from '../cultivation';
import { PLAN_CALL_MESSAGES } from './messages';

type Row = typeof planCategories.$inferSelect;

function toCategory(row: Row): PlanCategory {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fundingMode: row.fundingMode as PlanCategory['fundingMode'],
    level: row.level as PlanCategory['level'],
    active: row.active,
    talentProgrammeCode: row.talentProgrammeCode,
    version: row.version,
  };
}

export async function listPlanCategories(db: Database): Promise<PlanCategory[]> {
  const rows = await db.select().from(planCategories).orderBy(asc(planCategories.id));
  return rows.map(toCategory);
}

/** A category flagged as a talent programme names one that exists (区级领军人才项目 …). */
async function checkTalentProgramme(executor: Executor, code: string | null, context: RequestContext) {
  if (code === null) return;
  const [found] = await executor
    .select({ id: talentProgrammes.id })
    .from(talentProgrammes)
    .where(eq(talentProgrammes.code, code));
  if (!found)
    throw fieldError(
      'talentProgrammeCode',
      PLAN_CALL_MESSAGES.talentProgrammeUnknown({ code }),
      context.language,
    );
}

const duplicateCode = (code: string, context: RequestContext) =>
  duplicateError('code', PLAN_CALL_MESSAGES.categoryCodeTaken({ code }), context.language);

/** Staff add a plan category (重点研发计划, 成果转化…), its funding mode and level as data. */
export async function createPlanCategory(
  db: Database,
  options: { input: PlanCategoryInput; context: RequestContext },
): Promise<PlanCategory> {
  const { input, context } = options;
  try {
    return await db.transaction(async (tx) => {
      await checkTalentProgramme(tx, input.talentProgrammeCode, context);
      const [row] = await tx.insert(planCategories).values(input).returning();
      await recordAudit(tx, context, {
        event: 'plan-category.create',
        objectType: 'plan_categories',
        objectId: row.id,
        after: input,
      });
      return toCategory(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(input.code, context);
    throw error;
  }
}

export async function updatePlanCategory(
  db: Database,
  options: { id: number; input: PlanCategoryInput & { version: number }; context: RequestContext },
): Promise<PlanCategory> {
  const { id, context } = options;
  const { version, ...input } = options.input;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(planCategories).where(eq(planCategories.id, id)).for('update');
      if (!before) throw notFound();
      if (before.version !== version) throw versionConflict();
      await checkTalentProgramme(tx, input.talentProgrammeCode, context);
      const [row] = await tx
        .update(planCategories)
        .set({ ...input, version: version + 1, updatedAt: new Date() })
        .where(eq(planCategories.id, id))
        .returning();
      await recordAudit(tx, context, {
        event: 'plan-category.update',
        objectType: 'plan_categories',
        objectId: id,
        before: toCategory(before),
        after: toCategory(row),
      });
      return toCategory(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(input.code, context);
    throw error;
  }
}
