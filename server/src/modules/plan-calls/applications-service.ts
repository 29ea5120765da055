import {
  type ApplicationContent,
  type ApplicationDetail,
  type ApplicationListQuery,
  type ApplicationPage,
  type ApplicationReceipt,
  type ApplicationSummary,
  applicationContentSchema,
  type ChecklistResult,
  checkApplicationSubmission,
  listAllowedActions,
  maskIdNumber,
  normalizeIdNumber,
  type ProjectApplicationStatus,
  projectApplicationWorkflow,
  requestedFiscalFen,
  type Standing,
  type SubmissionCheck,
  translate,
} from '@kechuang/domain';
import { and, asc, count, desc, eq, gte, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { storeFile } from '../../core/files';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import { type Database, type Executor, queryRows } from '../../db/connection';
import {
  applicationFormalChecks,
  cultivationPoolEntries,
  enterprises,
  highTechCertificates,
  planCalls,
  planProjects,
  projectApplications,
  storedFiles,
  techSmeRegistrations,
} from '../../db/schema';
import { duplicateError, enterpriseKeywordCondition, fieldError } from '../cultivation/register-helpers';
import {
  type CallRow,
  isCallOpen,
  loadCallRow,
  loadCallRowOf,
  readCallRules,
  toPlanCall,
} from './calls-service';

/** Plan projects still running: they count against a principal's 限项. */
export const RUNNING_PROJECT_STATUSES = [
  'contracting',
  'inProgress',
  'suspended',
  'acceptanceApplied',
  'rectifying',
  'reconsidering',
];
/** Applications that do not count against a principal's yearly limit. */
const NOT_COUNTED_STATUSES = ['draft', 'withdrawn', 'rejected'];
const ATTACHMENT_PURPOSE = 'application-attachment';

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
    principalIdNumber: maskIdNumber(application.principalIdNumber),
    requestedFen: application.requestedFen,
    upstreamGrantedFen: application.upstreamGrantedFen,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decisionNote: application.decisionNote,
    version: application.version,
    updatedAt: application.updatedAt.toISOString(),
  };
}

export function readContent(value: unknown): ApplicationContent {
  const parsed = applicationContentSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : applicationContentSchema.parse({});
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

async function loadScopedRow(executor: Executor, actor: Actor, id: number): Promise<Row> {
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

async function listAttachmentFiles(executor: Executor, enterpriseId: number, content: ApplicationContent) {
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

function requireEnterpriseActor(context: RequestContext): Actor & { enterpriseId: number } {
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  return actor as Actor & { enterpriseId: number };
}

const formatTime = (date: Date) =>
  new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Applications are taken only while the call is published and open: before it opens or after it closes, refused. */
function requireOpenWindow(call: CallRow['call'], now: Date): void {
  if (call.status !== 'published') throw new AppError(409, 'callNotPublished');
  if (now < call.opensAt)
    throw new AppError(409, 'callNotOpen', [
      { path: 'opensAt', message: `申报尚未开始：申报开始时间为 ${formatTime(call.opensAt)}（北京时间）` },
    ]);
  if (now >= call.closesAt)
    throw new AppError(409, 'callClosed', [
      {
        path: 'closesAt',
        message: `申报已截止：截止时间为 ${formatTime(call.closesAt)}（北京时间），不能再提交`,
      },
    ]);
}

/** Which standings the enterprise holds for the call's year. */
async function readStandings(executor: Executor, enterpriseId: number, year: number): Promise<Standing[]> {
  const today = new Date().toISOString().slice(0, 10);
  // One after the other: the executor may be a transaction, whose one connection runs one query at a time.
  const techSme = await executor
    .select({ id: techSmeRegistrations.id })
    .from(techSmeRegistrations)
    .where(and(eq(techSmeRegistrations.enterpriseId, enterpriseId), gte(techSmeRegistrations.year, year - 1)))
    .limit(1);
  const pool = await executor
    .select({ id: cultivationPoolEntries.id })
    .from(cultivationPoolEntries)
    .where(
      and(
        eq(cultivationPoolEntries.enterpriseId, enterpriseId),
        eq(cultivationPoolEntries.status, 'admitted'),
        gte(cultivationPoolEntries.year, year - 1),
      ),
    )
    .limit(1);
  const highTech = await executor
    .select({ id: highTechCertificates.id })
    .from(highTechCertificates)
    .where(
      and(eq(highTechCertificates.enterpriseId, enterpriseId), gte(highTechCertificates.expiresOn, today)),
    )
    .limit(1);
  const standings: Standing[] = [];
  if (techSme.length) standings.push('techSme');
  if (pool.length) standings.push('cultivationPool');
  if (highTech.length) standings.push('highTech');
  return standings;
}

/** Opens a draft application of the actor's enterprise to an open call; one per enterprise per call. */
export async function createApplication(
  db: Database,
  options: { callId: number; context: RequestContext },
): Promise<ApplicationDetail> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  const callRow = await loadCallRow(db, actor, options.callId);
  requireOpenWindow(callRow.call, new Date());
  const rules = readCallRules(callRow.call.rules);
  const standings = await readStandings(db, actor.enterpriseId, callRow.call.year);
  const check = checkApplicationSubmission(applicationContentSchema.parse({}), {
    rules,
    year: callRow.call.year,
    facts: { standings, principalApplicationsThisYear: 0, principalRunningProjects: 0 },
  });
  const eligibility = check.errors.find((issue) => issue.path === 'eligibility');
  if (eligibility) throw fieldError('callId', eligibility.message, context.language);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projectApplications)
        .values({
          callId: callRow.call.id,
          enterpriseId: actor.enterpriseId,
          year: callRow.call.year,
          status: projectApplicationWorkflow.initial,
          content: applicationContentSchema.parse({}),
        })
        .returning({ id: projectApplications.id });
      await recordInitialState(tx, {
        definition: projectApplicationWorkflow,
        objectId: row.id,
        context,
        actorName: actor.displayName,
      });
      await recordAudit(tx, context, {
        event: 'project-application.create',
        objectType: 'project_applications',
        objectId: row.id,
        after: { callId: callRow.call.id, enterpriseId: actor.enterpriseId, status: 'draft' },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw duplicateError(
        'callId',
        {
          zh: '申报通知：本企业已申报该通知（每个企业限报一项）',
          en: 'Call: your enterprise has already applied',
        },
        context.language,
      );
    throw error;
  }
  return readApplication(db, { actor, id });
}

/** Puts back the stored ID numbers where the form sent their masked form unchanged. */
function restoreMaskedIdNumbers(
  incoming: ApplicationContent,
  stored: ApplicationContent,
): ApplicationContent {
  const byMask = new Map(
    stored.team
      .filter((member) => member.idNumber)
      .map((member) => [maskIdNumber(member.idNumber), member.idNumber] as const),
  );
  return {
    ...incoming,
    team: incoming.team.map((member) => {
      if (!member.idNumber) return member;
      if (member.idNumber.includes('*'))
        return { ...member, idNumber: byMask.get(member.idNumber) ?? member.idNumber };
      return { ...member, idNumber: normalizeIdNumber(member.idNumber) };
    }),
  };
}

function derivedColumns(content: ApplicationContent) {
  const principal = content.team.find((member) => member.role === 'principal');
  return {
    title: content.basics.title,
    principalName: principal?.name ?? null,
    principalIdNumber: principal?.idNumber ?? null,
    requestedFen: requestedFiscalFen(content),
  };
}

const EDITABLE_STATUSES = ['draft', 'returned'];

/** Autosave of a draft (or a returned application being corrected), with the version the form loaded. */
export async function saveApplication(
  db: Database,
  options: { id: number; version: number; content: ApplicationContent; context: RequestContext },
): Promise<ApplicationDetail> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectApplications)
      .where(and(eq(projectApplications.id, options.id), applicationScope(actor)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== options.version) throw versionConflict();
    if (!EDITABLE_STATUSES.includes(row.status)) throw new AppError(409, 'applicationNotEditable');
    const [call] = await tx.select().from(planCalls).where(eq(planCalls.id, row.callId));
    if (row.status === 'draft' && new Date() >= call.closesAt) requireOpenWindow(call, new Date());
    const content = restoreMaskedIdNumbers(options.content, readContent(row.content));
    if (content.attachments.length > 0) {
      const owned = await listAttachmentFiles(tx, row.enterpriseId, content);
      const ownedIds = new Set(owned.map((file) => file.id));
      const index = content.attachments.findIndex((attachment) => !ownedIds.has(attachment.fileId));
      if (index >= 0)
        throw fieldError(
          `content.attachments.${index}.fileId`,
          { zh: '附件：文件不存在或不属于本企业', en: 'Attachment: file not found' },
          context.language,
        );
    }
    await tx
      .update(projectApplications)
      .set({ content, ...derivedColumns(content), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(projectApplications.id, row.id), eq(projectApplications.version, row.version)));
    await recordAudit(tx, context, {
      event: 'project-application.save',
      objectType: 'project_applications',
      objectId: row.id,
      before: { version: row.version },
      after: { version: row.version + 1, title: content.basics.title },
    });
  });
  return readApplication(db, { actor, id: options.id });
}

async function runSubmissionCheck(
  executor: Executor,
  application: typeof projectApplications.$inferSelect,
  call: CallRow['call'],
): Promise<SubmissionCheck> {
  const content = readContent(application.content);
  const principalId = derivedColumns(content).principalIdNumber;
  let principalApplicationsThisYear = 0;
  let principalRunningProjects = 0;
  if (principalId) {
    const [applications] = await executor
      .select({ total: count() })
      .from(projectApplications)
      .where(
        and(
          eq(projectApplications.principalIdNumber, principalId),
          eq(projectApplications.year, call.year),
          ne(projectApplications.id, application.id),
          notInArray(projectApplications.status, NOT_COUNTED_STATUSES),
        ),
      );
    const [projects] = await executor
      .select({ total: count() })
      .from(planProjects)
      .where(
        and(
          eq(planProjects.principalIdNumber, principalId),
          inArray(planProjects.status, RUNNING_PROJECT_STATUSES),
        ),
      );
    principalApplicationsThisYear = Number(applications.total);
    principalRunningProjects = Number(projects.total);
  }
  return checkApplicationSubmission(content, {
    rules: readCallRules(call.rules),
    year: call.year,
    facts: {
      standings: await readStandings(executor, application.enterpriseId, call.year),
      principalApplicationsThisYear,
      principalRunningProjects,
    },
  });
}

/** The submission check as it stands, for the form to show before the applicant submits. */
export async function checkApplication(db: Database, options: { actor: Actor; id: number }) {
  const row = await loadScopedRow(db, options.actor, options.id);
  const [call] = await db.select().from(planCalls).where(eq(planCalls.id, row.application.callId));
  return runSubmissionCheck(db, row.application, call);
}

/** `KJ2021-0012`: the year's next number, taken under a lock on the year so two submissions never share one. */
async function nextApplicationNo(tx: Executor, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-application-no-${year}`}))`);
  const prefix = `KJ${year}-`;
  const [row] = await queryRows<{ last: number | null }>(
    tx,
    sql`select max(substring(application_no from ${prefix.length + 1}::int)::int) as last from project_applications where application_no like ${`${prefix}%`}`,
  );
  return `${prefix}${String(Number(row?.last ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * Submits (or resubmits after a return) within the call's window: the submission check's errors
 * block it; the first submission gets the application number, kept ever after; the answer is the
 * receipt with the server's time.
 */
export async function submitApplication(
  db: Database,
  options: { id: number; version: number; context: RequestContext },
): Promise<ApplicationReceipt> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectApplications)
      .where(and(eq(projectApplications.id, options.id), applicationScope(actor)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== options.version) throw versionConflict();
    const [call] = await tx.select().from(planCalls).where(eq(planCalls.id, row.callId));
    const now = new Date();
    if (row.status === 'returned') {
      // Corrections after a formal-check return are taken until the district's own deadline.
      if (call.districtReviewDeadline && now >= call.districtReviewDeadline)
        throw new AppError(409, 'callClosed', [
          {
            path: 'districtReviewDeadline',
            message: `补正已截止：区级审核截止时间为 ${formatTime(call.districtReviewDeadline)}（北京时间）`,
          },
        ]);
    } else if (row.status === 'draft') {
      requireOpenWindow(call, now);
    }
    const check = await runSubmissionCheck(tx, row, call);
    if (check.errors.length > 0) {
      throw new AppError(
        400,
        'submissionCheckFailed',
        check.errors.map((issue) => ({
          path: issue.path,
          message: translate(issue.message, context.language),
        })),
      );
    }
    const applicationNo = row.applicationNo ?? (await nextApplicationNo(tx, row.year));
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, row.enterpriseId));
    await fireTransition(tx, {
      definition: projectApplicationWorkflow,
      table: 'project_applications',
      objectId: row.id,
      action: 'submit',
      expectedVersion: options.version,
      context,
      isOwner: ownsEnterprise(actor, row.enterpriseId),
      ownerEnterpriseId: row.enterpriseId,
      subject: `项目申报（${enterprise.name}：${row.title}）`,
      link: `/bureau/plan-applications/${row.id}`,
      extraAssignments: [sql`application_no = ${applicationNo}`, sql`submitted_at = ${now.toISOString()}`],
    });
    return {
      applicationId: row.id,
      applicationNo,
      submittedAt: now.toISOString(),
      callTitle: call.title,
      enterpriseName: enterprise.name,
      title: row.title,
      requestedFen: row.requestedFen,
      warnings: check.warnings,
      version: options.version + 1,
    };
  });
}

/** Stores an attachment of the application (PDF, Word, images; checked by content). */
export async function uploadAttachment(
  db: Database,
  options: { id: number; buffer: Buffer; fileName: string; context: RequestContext },
) {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  const row = await loadScopedRow(db, actor, options.id);
  if (!EDITABLE_STATUSES.includes(row.application.status)) throw new AppError(409, 'applicationNotEditable');
  const file = await db.transaction((tx) =>
    storeFile(tx, context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: ATTACHMENT_PURPOSE,
      ownerEnterpriseId: row.application.enterpriseId,
    }),
  );
  return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size };
}

/** An attachment named by the application, of the application's own enterprise. */
export async function findAttachment(db: Database, options: { actor: Actor; id: number; fileId: number }) {
  const row = await loadScopedRow(db, options.actor, options.id);
  const content = readContent(row.application.content);
  if (!content.attachments.some((attachment) => attachment.fileId === options.fileId)) throw notFound();
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.id, options.fileId),
        eq(storedFiles.ownerEnterpriseId, row.application.enterpriseId),
        eq(storedFiles.purpose, ATTACHMENT_PURPOSE),
      ),
    );
  if (!file) throw notFound();
  return file;
}

/** The 申报书 for the Word export (ID numbers masked there too); the export is audited. */
export async function readApplicationForDocument(
  db: Database,
  options: { context: RequestContext; id: number },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const detail = await readApplication(db, { actor, id: options.id });
  await recordAudit(db, options.context, {
    event: 'project-application.export',
    objectType: 'project_applications',
    objectId: options.id,
  });
  return detail;
}

/**
 * The bureau's and the applicant's actions on an application besides submission: reopen and
 * withdraw (applicant), the formal check (return / pass / reject, with the checklist results), and
 * for city or province calls the recommendation and the outcome upstream.
 */
export async function actOnApplication(
  db: Database,
  options: {
    id: number;
    action: string;
    version: number;
    comment?: string;
    checklist?: ChecklistResult[];
    grantedFen?: number;
    context: RequestContext;
  },
): Promise<ApplicationDetail> {
  const { context, action } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadScopedRow(db, actor, options.id);
  const callRow = await loadCallRowOf(db, row.application.callId);
  const call = callRow.call;
  const extraAssignments: ReturnType<typeof sql>[] = [];
  const comment = options.comment?.trim() || undefined;
  if (action === 'reopen') {
    if (!call.allowResubmission) throw new AppError(409, 'resubmissionNotAllowed');
    if (!isCallOpen(call)) requireOpenWindow(call, new Date());
  }
  if (action === 'passCheck' && options.checklist?.some((result) => !result.passed)) {
    const index = options.checklist.findIndex((result) => !result.passed);
    throw fieldError(
      `checklist.${index}.passed`,
      {
        zh: `形式审查清单：“${options.checklist[index].item}”未通过，不能审查通过`,
        en: 'Checklist: an item failed',
      },
      context.language,
    );
  }
  if (['returnForCorrection', 'reject', 'recommend', 'recordNotGranted'].includes(action) && comment)
    extraAssignments.push(sql`decision_note = ${comment}`);
  if (action === 'recommend' && callRow.level === 'district') throw new AppError(409, 'notUpstreamCall');
  if (action === 'recordGranted') {
    if (options.grantedFen === undefined)
      throw new AppError(400, 'grantedAmountRequired', [{ path: 'grantedFen', message: '' }]);
    extraAssignments.push(sql`upstream_granted_fen = ${options.grantedFen}`);
  }
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: projectApplicationWorkflow,
      table: 'project_applications',
      objectId: row.application.id,
      action,
      expectedVersion: options.version,
      comment,
      context,
      isOwner: ownsEnterprise(actor, row.application.enterpriseId),
      ownerEnterpriseId: row.application.enterpriseId,
      subject: `项目申报（${row.enterpriseName}：${row.application.title || row.callTitle}）`,
      link:
        actor.role === 'enterprise'
          ? `/bureau/plan-applications/${row.application.id}`
          : `/enterprise/plan-applications/${row.application.id}`,
      extraAssignments,
    });
    if (['returnForCorrection', 'passCheck', 'reject'].includes(action)) {
      await tx.insert(applicationFormalChecks).values({
        applicationId: row.application.id,
        action,
        results: options.checklist ?? [],
        comment: comment ?? null,
        checkedBy: actor.userId,
        checkedByName: actor.displayName,
      });
    }
  });
  return readApplication(db, { actor, id: row.application.id });
}
