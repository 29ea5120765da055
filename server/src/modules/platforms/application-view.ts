import {
  chinaToday,
  evaluateChecklist,
  listAllowedActions,
  type PlatformApplication,
  type PlatformApplicationStatus,
  type PlatformApplicationSummary,
  type PlatformFigures,
  platformApplicationWorkflow,
  prefillChecklist,
  type TypeRequirements,
} from '@kechuang/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { notFound } from '../../core/errors';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import { enterprises, platformApplications, platforms, platformTypes } from '../../db/schema';

export type ApplicationRow = typeof platformApplications.$inferSelect;

/** The bureau sees every application; an enterprise its own. */
export function applicationScope(actor: Actor): SQL {
  if (actor.role === 'staff' || actor.role === 'leader') return sql`true`;
  if (actor.role === 'enterprise' && actor.enterpriseId !== null) {
    return eq(platformApplications.enterpriseId, actor.enterpriseId);
  }
  return sql`false`;
}

export const isApplicant = (actor: Actor, row: ApplicationRow) =>
  actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;

export async function loadScopedApplication(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<ApplicationRow> {
  const [row] = await executor
    .select()
    .from(platformApplications)
    .where(and(eq(platformApplications.id, id), applicationScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** Type names and requirements, applicant names and the figures of platforms to upgrade, in three queries. */
async function readContext(executor: Executor, rows: ApplicationRow[]) {
  const typeIds = [...new Set(rows.map((row) => row.typeId))];
  const enterpriseIds = [...new Set(rows.map((row) => row.enterpriseId))];
  const platformIds = [...new Set(rows.flatMap((row) => (row.platformId ? [row.platformId] : [])))];
  const [types, names, figures] = await Promise.all([
    typeIds.length === 0
      ? []
      : executor
          .select({
            id: platformTypes.id,
            name: platformTypes.name,
            requirements: platformTypes.requirements,
          })
          .from(platformTypes)
          .where(inArray(platformTypes.id, typeIds)),
    enterpriseIds.length === 0
      ? []
      : executor
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(inArray(enterprises.id, enterpriseIds)),
    platformIds.length === 0
      ? []
      : executor
          .select({
            id: platforms.id,
            areaSquareMeters: platforms.areaSquareMeters,
            staffCount: platforms.staffCount,
            equipmentFen: platforms.equipmentFen,
            firstRecognizedOn: platforms.firstRecognizedOn,
          })
          .from(platforms)
          .where(inArray(platforms.id, platformIds)),
  ]);
  return {
    types: new Map<number, { name: string; requirements: TypeRequirements }>(
      types.map((type) => [type.id, type]),
    ),
    names: new Map(names.map((row) => [row.id, row.name])),
    figures: new Map<number, PlatformFigures>(figures.map((row) => [row.id, row])),
  };
}

function checklistOf(row: ApplicationRow, context: Awaited<ReturnType<typeof readContext>>) {
  const items = context.types.get(row.typeId)?.requirements[row.level] ?? [];
  const figures = row.platformId ? (context.figures.get(row.platformId) ?? null) : null;
  return evaluateChecklist(items, prefillChecklist(items, row.values, figures, chinaToday()));
}

function summaryOf(
  row: ApplicationRow,
  context: Awaited<ReturnType<typeof readContext>>,
): PlatformApplicationSummary {
  const checklist = checklistOf(row, context);
  return {
    id: row.id,
    kind: row.platformId ? 'upgrade' : 'recognition',
    enterpriseId: row.enterpriseId,
    enterpriseName: context.names.get(row.enterpriseId) ?? '',
    platformId: row.platformId,
    typeId: row.typeId,
    typeName: context.types.get(row.typeId)?.name ?? '',
    level: row.level,
    name: row.name,
    status: row.status as PlatformApplicationStatus,
    submittedOn: row.submittedOn,
    metCount: checklist.metCount,
    requirementCount: checklist.lines.length,
    resultPlatformId: row.resultPlatformId,
    documentNo: row.documentNo,
    version: row.version,
  };
}

export async function toApplicationSummaries(
  executor: Executor,
  rows: ApplicationRow[],
): Promise<PlatformApplicationSummary[]> {
  const context = await readContext(executor, rows);
  return rows.map((row) => summaryOf(row, context));
}

/** The application as its page shows it: the checklist against the type × level's requirements. */
export async function toApplicationDetail(
  executor: Executor,
  actor: Actor,
  row: ApplicationRow,
): Promise<PlatformApplication> {
  const context = await readContext(executor, [row]);
  const checklist = checklistOf(row, context);
  return {
    ...summaryOf(row, context),
    summary: row.summary,
    values: row.values,
    checklist: checklist.lines,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    approvingBody: row.approvingBody,
    recognizedOn: row.recognizedOn,
    history: await readHistory(executor, platformApplicationWorkflow.name, row.id),
    allowedActions: listAllowedActions(platformApplicationWorkflow, row.status as PlatformApplicationStatus, {
      role: actor.role,
      isOwner: isApplicant(actor, row),
    }),
    createdAt: row.createdAt.toISOString(),
  };
}
