import {
  HTE_BOARD_STAGES,
  type HteApplication,
  type HteApplicationStatus,
  type HteBatchCreate,
  hteApplicationWorkflow,
  listAllowedActions,
  type SERVICE_RECORD_KINDS,
  translate,
} from '@kechuang/domain';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { notifyUsers } from '../../core/notifications';
import { enterpriseScope, hteApplicationScope, ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database } from '../../db/connection';
import {
  enterprises,
  hteApplications,
  hteBatches,
  hteHelpers,
  hteServiceRecords,
  users,
} from '../../db/schema';
import { CULTIVATION_MESSAGES } from './messages';

const PRE_SUBMISSION: readonly HteApplicationStatus[] = ['intent', 'coaching', 'materialsReady'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function createBatch(db: Database, options: { input: HteBatchCreate; context: RequestContext }) {
  try {
    return await db.transaction(async (tx) => {
      const [batch] = await tx.insert(hteBatches).values(options.input).returning();
      await recordAudit(tx, options.context, {
        event: 'hte.batch.create',
        objectType: 'hte_batches',
        objectId: batch.id,
        after: options.input,
      });
      return { ...batch, applicationCount: 0 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'duplicate', [
        {
          path: 'name',
          message: translate(CULTIVATION_MESSAGES.batchNameTaken, options.context.language),
        },
      ]);
    }
    throw error;
  }
}

export async function listBatches(db: Database, year?: number) {
  const rows = await db
    .select({
      id: hteBatches.id,
      year: hteBatches.year,
      name: hteBatches.name,
      submissionDeadline: hteBatches.submissionDeadline,
      version: hteBatches.version,
      applicationCount: count(hteApplications.id),
    })
    .from(hteBatches)
    .leftJoin(hteApplications, eq(hteApplications.batchId, hteBatches.id))
    .where(year ? eq(hteBatches.year, year) : undefined)
    .groupBy(hteBatches.id)
    .orderBy(asc(hteBatches.year), asc(hteBatches.submissionDeadline), asc(hteBatches.id));
  return rows;
}

async function loadApplications(
  db: Database,
  actor: Actor,
  where: ReturnType<typeof and>,
): Promise<HteApplication[]> {
  const rows = await db
    .select({
      application: hteApplications,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      batchName: hteBatches.name,
      submissionDeadline: hteBatches.submissionDeadline,
    })
    .from(hteApplications)
    .innerJoin(enterprises, eq(enterprises.id, hteApplications.enterpriseId))
    .innerJoin(hteBatches, eq(hteBatches.id, hteApplications.batchId))
    .where(and(where, hteApplicationScope(actor)))
    .orderBy(asc(hteApplications.id));
  const ids = rows.map((row) => row.application.id);
  const helpers = ids.length
    ? await db
        .select({
          applicationId: hteHelpers.applicationId,
          userId: hteHelpers.userId,
          isLead: hteHelpers.isLead,
          displayName: users.displayName,
        })
        .from(hteHelpers)
        .innerJoin(users, eq(users.id, hteHelpers.userId))
        .where(inArray(hteHelpers.applicationId, ids))
        .orderBy(asc(hteHelpers.id))
    : [];
  const now = today();
  return rows.map((row) => ({
    id: row.application.id,
    enterpriseId: row.application.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    year: row.application.year,
    batchId: row.application.batchId,
    batchName: row.batchName,
    submissionDeadline: row.submissionDeadline,
    status: row.application.status as HteApplicationStatus,
    isOverdue:
      PRE_SUBMISSION.includes(row.application.status as HteApplicationStatus) && now > row.submissionDeadline,
    helpers: helpers
      .filter((helper) => helper.applicationId === row.application.id)
      .map((helper) => ({ userId: helper.userId, displayName: helper.displayName, isLead: helper.isLead })),
    version: row.application.version,
    updatedAt: row.application.updatedAt.toISOString(),
  }));
}

/** Puts an enterprise into a batch at 申报意向: staff for any verified enterprise, an enterprise for itself. */
export async function createApplication(
  db: Database,
  options: { enterpriseId?: number; batchId: number; context: RequestContext },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterpriseId = actor.role === 'enterprise' ? actor.enterpriseId : options.enterpriseId;
  if (!enterpriseId) {
    throw new AppError(400, 'validation', [
      {
        path: 'enterpriseId',
        message: translate(CULTIVATION_MESSAGES.enterpriseRequired, options.context.language),
      },
    ]);
  }
  const [enterprise] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), enterpriseScope(actor)));
  if (!enterprise) throw notFound();
  const [batch] = await db.select().from(hteBatches).where(eq(hteBatches.id, options.batchId));
  if (!batch)
    throw new AppError(400, 'validation', [
      { path: 'batchId', message: translate(CULTIVATION_MESSAGES.batchNotFound, options.context.language) },
    ]);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(hteApplications)
        .values({ enterpriseId, batchId: batch.id, year: batch.year, status: hteApplicationWorkflow.initial })
        .returning({ id: hteApplications.id });
      await recordInitialState(tx, {
        definition: hteApplicationWorkflow,
        objectId: row.id,
        context: options.context,
        actorName: actor.displayName,
        comment: batch.name,
      });
      await recordAudit(tx, options.context, {
        event: 'hte.application.create',
        objectType: 'hte_applications',
        objectId: row.id,
        after: { enterpriseId, batchId: batch.id },
      });
      return row.id;
    });
    return readApplicationDetail(db, { actor, id });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'duplicate', [
        {
          path: 'batchId',
          message: translate(CULTIVATION_MESSAGES.alreadyTrackedThisYear, options.context.language),
        },
      ]);
    }
    throw error;
  }
}

export async function readApplicationDetail(db: Database, options: { actor: Actor; id: number }) {
  const [application] = await loadApplications(db, options.actor, eq(hteApplications.id, options.id));
  if (!application) throw notFound();
  const records = await db
    .select({ record: hteServiceRecords, recordedBy: users.displayName })
    .from(hteServiceRecords)
    .innerJoin(users, eq(users.id, hteServiceRecords.recordedBy))
    .where(eq(hteServiceRecords.applicationId, application.id))
    .orderBy(asc(hteServiceRecords.happenedOn), asc(hteServiceRecords.id));
  return {
    application,
    allowedActions: listAllowedActions(hteApplicationWorkflow, application.status, {
      role: options.actor.role,
      isOwner: options.actor.role === 'staff' || ownsEnterprise(options.actor, application.enterpriseId),
    }),
    history: await readHistory(db, hteApplicationWorkflow.name, application.id),
    serviceRecords: records.map(({ record, recordedBy }) => ({
      id: record.id,
      kind: record.kind as (typeof SERVICE_RECORD_KINDS)[number],
      happenedOn: record.happenedOn,
      summary: record.summary,
      recordedBy,
      createdAt: record.createdAt.toISOString(),
    })),
  };
}

export async function runApplicationAction(
  db: Database,
  options: { id: number; action: string; version: number; comment?: string; context: RequestContext },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const [application] = await loadApplications(db, actor, eq(hteApplications.id, options.id));
  if (!application) throw notFound();
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: hteApplicationWorkflow,
      table: 'hte_applications',
      objectId: application.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context: options.context,
      // Staff act for the bureau on every application; an enterprise only on its own.
      isOwner: actor.role === 'staff' || ownsEnterprise(actor, application.enterpriseId),
      ownerEnterpriseId: application.enterpriseId,
      subject: CULTIVATION_MESSAGES.trackingSubject(application).zh,
      link: `/enterprise`,
    });
  });
  return readApplicationDetail(db, { actor, id: application.id });
}

/** Sets the 一对一 helper team: bureau staff only, one lead. Members are told in-app. */
export async function setHelperTeam(
  db: Database,
  options: {
    id: number;
    version: number;
    leadUserId: number;
    memberUserIds: number[];
    context: RequestContext;
  },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const userIds = [...new Set([options.leadUserId, ...options.memberUserIds])];
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.role, 'staff'), eq(users.isDisabled, false)));
  if (staff.length !== userIds.length) {
    throw new AppError(400, 'validation', [
      {
        path: 'memberUserIds',
        message: translate(CULTIVATION_MESSAGES.helpersMustBeStaff, options.context.language),
      },
    ]);
  }
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(hteApplications)
      .where(eq(hteApplications.id, options.id))
      .for('update');
    if (!current) throw notFound();
    if (current.version !== options.version) throw versionConflict();
    const before = await tx
      .select({ userId: hteHelpers.userId, isLead: hteHelpers.isLead })
      .from(hteHelpers)
      .where(eq(hteHelpers.applicationId, options.id));
    await tx.delete(hteHelpers).where(eq(hteHelpers.applicationId, options.id));
    await tx.insert(hteHelpers).values(
      userIds.map((userId) => ({
        applicationId: options.id,
        userId,
        isLead: userId === options.leadUserId,
      })),
    );
    await tx
      .update(hteApplications)
      .set({ version: sql`${hteApplications.version} + 1`, updatedAt: new Date() })
      .where(eq(hteApplications.id, options.id));
    await recordAudit(tx, options.context, {
      event: 'hte.helpers.set',
      objectType: 'hte_applications',
      objectId: options.id,
      before,
      after: { leadUserId: options.leadUserId, userIds },
    });
    const [enterprise] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, current.enterpriseId));
    await notifyUsers(
      tx,
      userIds.filter((id) => id !== actor.userId),
      {
        kind: 'cultivation.hte-helper-assigned',
        title: CULTIVATION_MESSAGES.helperAssignedTitle({ enterpriseName: enterprise?.name ?? '' }).zh,
        body: CULTIVATION_MESSAGES.helperAssignedBody.zh,
        link: `/bureau/cultivation/hte/${options.id}`,
      },
    );
  });
  return readApplicationDetail(db, { actor, id: options.id });
}

export async function addServiceRecord(
  db: Database,
  options: { id: number; kind: string; happenedOn: string; summary: string; context: RequestContext },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const [application] = await loadApplications(db, actor, eq(hteApplications.id, options.id));
  if (!application) throw notFound();
  await db.transaction(async (tx) => {
    const [record] = await tx
      .insert(hteServiceRecords)
      .values({
        applicationId: application.id,
        kind: options.kind,
        happenedOn: options.happenedOn,
        summary: options.summary,
        recordedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, options.context, {
      event: 'hte.service-record.add',
      objectType: 'hte_applications',
      objectId: application.id,
      after: { id: record.id, kind: options.kind, happenedOn: options.happenedOn },
    });
  });
  return readApplicationDetail(db, { actor, id: application.id });
}

/** The batch board: every stage in order with its enterprises; overdue ones flagged. */
export async function readBoard(db: Database, options: { actor: Actor; batchId: number }) {
  const [batch] = (await listBatches(db)).filter((item) => item.id === options.batchId);
  if (!batch) throw notFound();
  const applications = await loadApplications(db, options.actor, eq(hteApplications.batchId, batch.id));
  const stages = [...HTE_BOARD_STAGES, 'withdrawn' as const];
  return {
    batch,
    columns: stages.map((status) => ({
      status,
      items: applications.filter((application) => application.status === status),
    })),
    overdueCount: applications.filter((application) => application.isOverdue).length,
  };
}

export async function listMyApplications(db: Database, actor: Actor) {
  return loadApplications(db, actor, sql`true`);
}

/** Bureau staff who can join a helper team. */
export async function listHelperOptions(db: Database) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'staff'), eq(users.isDisabled, false)))
    .orderBy(asc(users.id));
}
