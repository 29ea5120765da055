import {
  type ApplicationContent,
  type ApplicationDetail,
  type ApplicationListQuery,
  type ApplicationPage,
  type ApplicationSummary,
  type ChecklistResult,
  listAllowedActions,
  maskIdNumber,
  type ProjectApplicationStatus,
  projectApplicationWorkflow,
} from '@kechuang/domain';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { notFound } from '../../core/errors';
import { maskedPrincipalId } from '../../core/principal-id';
import { ownsEnterprise } from '../../core/scope';
import { readHistory } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import {
  applicationFormalChecks,
  enterprises,
  planCalls,
  projectApplications,
  storedFiles,
} from '../../db/schema';
import { enterpriseKeywordCondition } from '../cultivation';
import { readContent } from './application-rules';
import { loadCallRowOf, toPlanCall } from './calls-service';

export const ATTACHMENT_PURPOSE = 'application-attachment';

const columns = {
  application: projectApplications,
  enterpriseName: enterprises.name,
  callTitle: planCalls.title,
};

interface Row {
  application: typeof projectApplications.$inferSelect;
  enterpriseName: string;
  callTitle: string;
}

/** An enterprise reaches its own applications; the bureau all of them. */
export function applicationScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null
        ? sql`false`
        : eq(projectApplications.enterpriseId, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

function toSummary(row: Row): ApplicationSummary {
  const { application } = row;
  return {
    id: application.id,
    callId: application.callId,
    callTitle: row.callTitle,
    enterpriseId: application.enterpriseId,
    enterpriseName: row.enterpriseName,
    year: application.year,
    status: application.status as ProjectApplicationStatus,
    applicationNo: application.applicationNo,
    title: application.title,
    principalName: application.principalName,
    principalIdNumber: maskedPrincipalId(application.principalIdNumberCipher),
    requestedFen: application.requestedFen,
    upstreamGrantedFen: application.upstreamGrantedFen,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decisionNote: application.decisionNote,
    version: application.version,
    updatedAt: application.updatedAt.toISOString(),
  };
}

/** The content as answered: every ID number masked. */
export function maskContent(content: ApplicationContent): ApplicationContent {
  return {
    ...content,
    team: content.team.map((member) => ({ ...member, idNumber: maskIdNumber(member.idNumber) })),
  };
}

function selectApplications(executor: Executor) {
  return executor
    .select(columns)
    .from(projectApplications)
    .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
    .innerJoin(planCalls, eq(planCalls.id, projectApplications.callId));
}

export async function loadScopedRow(executor: Executor, actor: Actor, id: number): Promise<Row> {
  const [row] = await selectApplications(executor).where(
    and(eq(projectApplications.id, id), applicationScope(actor)),
  );
  if (!row) throw notFound();
  return row;
}

const SORT_COLUMNS = {
  submittedAt: projectApplications.submittedAt,
  updatedAt: projectApplications.updatedAt,
  requestedFen: projectApplications.requestedFen,
} as const;

export async function listApplications(
  db: Database,
  options: { actor: Actor; query: ApplicationListQuery },
): Promise<ApplicationPage> {
  const { query, actor } = options;
  const base = and(
    applicationScope(actor),
    query.callId === undefined ? undefined : eq(projectApplications.callId, query.callId),
    query.year === undefined ? undefined : eq(projectApplications.year, query.year),
    enterpriseKeywordCondition(query.keyword),
  );
  const where = and(
    base,
    query.status === undefined ? undefined : eq(projectApplications.status, query.status),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }], counts] = await Promise.all([
    selectApplications(db)
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'updatedAt']), direction(projectApplications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(projectApplications)
      .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
      .where(where),
    db
      .select({ status: projectApplications.status, total: count() })
      .from(projectApplications)
      .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
      .where(base)
      .groupBy(projectApplications.status),
  ]);
  return {
    items: rows.map(toSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts: Object.fromEntries(counts.map((item) => [item.status, Number(item.total)])),
  };
}

export async function listAttachmentFiles(
  executor: Executor,
  enterpriseId: number,
  content: ApplicationContent,
) {
  const ids = content.attachments.map((attachment) => attachment.fileId);
  if (ids.length === 0) return [];
  const rows = await executor
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
    })
    .from(storedFiles)
    .where(
      and(
        inArray(storedFiles.id, ids),
        eq(storedFiles.ownerEnterpriseId, enterpriseId),
        eq(storedFiles.purpose, ATTACHMENT_PURPOSE),
      ),
    )
    .orderBy(asc(storedFiles.id));
  return rows;
}

export async function readApplication(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<ApplicationDetail> {
  const row = await loadScopedRow(db, options.actor, options.id);
  const callRow = await loadCallRowOf(db, row.application.callId);
  const content = readContent(row.application.content);
  const summary = toSummary(row);
  const formalChecks = await db
    .select()
    .from(applicationFormalChecks)
    .where(eq(applicationFormalChecks.applicationId, summary.id))
    .orderBy(asc(applicationFormalChecks.id));
  return {
    application: summary,
    content: maskContent(content),
    call: toPlanCall(callRow, options.actor),
    attachments: await listAttachmentFiles(db, summary.enterpriseId, content),
    formalChecks: formalChecks.map((check) => ({
      id: check.id,
      action: check.action,
      results: (check.results as ChecklistResult[]) ?? [],
      comment: check.comment,
      checkedBy: check.checkedByName,
      createdAt: check.createdAt.toISOString(),
    })),
    allowedActions: listAllowedActions(projectApplicationWorkflow, summary.status, {
      role: options.actor.role,
      isOwner: ownsEnterprise(options.actor, summary.enterpriseId),
    }),
    history: await readHistory(db, projectApplicationWorkflow.name, summary.id),
  };
}
