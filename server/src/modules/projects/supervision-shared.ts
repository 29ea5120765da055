import {
  type ApplicationContent,
  applicationContentSchema,
  type Language,
  type SupervisionFile,
  type Text,
} from '@kechuang/domain';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { Executor } from '../../db/connection';
import {
  enterprises,
  planCalls,
  planProjectChanges,
  planProjects,
  projectApplications,
  storedFiles,
} from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';

/** Files uploaded for supervision (reports, changes, final reports) carry this purpose. */
export const SUPERVISION_FILE_PURPOSE = 'project-supervision';

/** The bureau sees every project; an enterprise only its own; other roles none. */
export function planProjectScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(planProjects.enterpriseId, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function textIn(text: Text, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** A 400 naming one field, for checks beyond the request schema. */
export function fieldError(path: string, message: Text, language: Language): AppError {
  return new AppError(400, 'validation', [{ path, message: textIn(message, language) }]);
}

/** A 409 for a rule of the lifecycle (one extension, one rectification…), naming the field. */
export function ruleConflict(
  code: 'extensionAlreadyUsed' | 'rectificationAlreadyUsed' | 'projectNotInExecution',
  path: string,
  message: Text,
  language: Language,
): AppError {
  return new AppError(409, code, [{ path, message: textIn(message, language) }]);
}

export const projectColumns = {
  id: planProjects.id,
  projectNo: planProjects.projectNo,
  title: planProjects.title,
  enterpriseId: planProjects.enterpriseId,
  enterpriseName: enterprises.name,
  year: planCalls.year,
  status: planProjects.status,
  principalName: planProjects.principalName,
  principalIdNumberCipher: planProjects.principalIdNumberCipher,
  approvedFen: planProjects.approvedFen,
  startOn: planProjects.startOn,
  endOn: planProjects.endOn,
  extendedEndOn: planProjects.extendedEndOn,
  acceptanceOutcome: planProjects.acceptanceOutcome,
  applicationId: planProjects.applicationId,
  version: planProjects.version,
};

export type ProjectRow = Awaited<ReturnType<typeof loadScopedProject>>;

/** One project the actor may see, or 404 (another enterprise's project is not found, not forbidden). */
export async function loadScopedProject(executor: Executor, actor: Actor, id: number) {
  const [row] = await executor
    .select(projectColumns)
    .from(planProjects)
    .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
    .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
    .where(and(eq(planProjects.id, id), planProjectScope(actor)));
  if (!row) throw notFound();
  return row;
}

export function effectiveEndOn(project: { endOn: string; extendedEndOn: string | null }): string {
  return project.extendedEndOn ?? project.endOn;
}

/** The 申报书 content of the project's application, with defaults where a draft left parts out. */
export async function loadApplicationContent(
  executor: Executor,
  applicationId: number,
): Promise<ApplicationContent> {
  const [row] = await executor
    .select({ content: projectApplications.content })
    .from(projectApplications)
    .where(eq(projectApplications.id, applicationId));
  const parsed = applicationContentSchema.safeParse(row?.content ?? {});
  return parsed.success ? parsed.data : applicationContentSchema.parse({});
}

export interface BudgetRowValue {
  category: 'equipment' | 'business' | 'labour' | 'indirect';
  fiscalFen: number;
  selfRaisedFen: number;
  otherFen: number;
}
export interface MemberValue {
  name: string;
  role: string;
  title: string;
  organisation: string;
  workloadMonths: number;
}

/** The budget and members in force: the last approved change of that kind, else the application's. */
export async function loadCurrentPlan(
  executor: Executor,
  project: { id: number; applicationId: number },
): Promise<{ budget: BudgetRowValue[]; members: MemberValue[]; content: ApplicationContent }> {
  const content = await loadApplicationContent(executor, project.applicationId);
  const approved = await executor
    .select({ kind: planProjectChanges.kind, details: planProjectChanges.details })
    .from(planProjectChanges)
    .where(
      and(
        eq(planProjectChanges.projectId, project.id),
        eq(planProjectChanges.status, 'approved'),
        inArray(planProjectChanges.kind, ['budget', 'members']),
      ),
    )
    .orderBy(desc(planProjectChanges.decidedAt), desc(planProjectChanges.id));
  const budgetChange = approved.find((change) => change.kind === 'budget');
  const membersChange = approved.find((change) => change.kind === 'members');
  const budget = budgetChange
    ? ((budgetChange.details as { budget: BudgetRowValue[] }).budget ?? [])
    : content.budget.rows.map((row) => ({ ...row }));
  const members = membersChange
    ? ((membersChange.details as { members: MemberValue[] }).members ?? [])
    : content.team.map((member) => ({
        name: member.name,
        role: member.role,
        title: member.title,
        organisation: member.organisation,
        workloadMonths: member.workloadMonths,
      }));
  return { budget, members, content };
}

/** Files named by id must be supervision uploads of this enterprise; answers what to show of them. */
export async function checkAttachments(
  executor: Executor,
  options: { fileIds: number[]; enterpriseId: number; language: Language },
): Promise<void> {
  if (options.fileIds.length === 0) return;
  const rows = await executor
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        inArray(storedFiles.id, options.fileIds),
        eq(storedFiles.ownerEnterpriseId, options.enterpriseId),
        eq(storedFiles.purpose, SUPERVISION_FILE_PURPOSE),
      ),
    );
  if (rows.length !== new Set(options.fileIds).size)
    throw fieldError('attachmentFileIds', PROJECT_MESSAGES.attachmentsNotOwned, options.language);
}

export async function describeFiles(
  executor: Executor,
  fileIds: number[],
): Promise<Map<number, SupervisionFile>> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: storedFiles.id, fileName: storedFiles.fileName, size: storedFiles.size })
    .from(storedFiles)
    .where(inArray(storedFiles.id, ids));
  return new Map(rows.map((row) => [row.id, { id: row.id, fileName: row.fileName, size: Number(row.size) }]));
}

export function pickFiles(files: Map<number, SupervisionFile>, ids: unknown): SupervisionFile[] {
  return (Array.isArray(ids) ? (ids as number[]) : []).flatMap((id) => files.get(id) ?? []);
}
