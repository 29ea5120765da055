import {
  applicationContentSchema,
  type ObjectionCreate,
  type ObjectionResolve,
  type ProjectApplicationStatus,
  type PublicityNoticeDetail,
  type PublicNotice,
  planProjectWorkflow,
  projectApplicationWorkflow,
  taskContractWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { fireTransition, recordInitialState } from '../../core/workflow';
import { type Database, type Executor, queryRows } from '../../db/connection';
import {
  planCalls,
  planCategories,
  planProjects,
  projectApplications,
  publicityNoticeItems,
  publicityNotices,
  publicityObjections,
  taskContracts,
} from '../../db/schema';
import { recordProgrammeSelection } from '../talent';
import { DetailedError, requireContextActor, today } from './approval-helpers';
import { buildContractContent } from './contract-content';
import { nextProjectNo } from './project-numbers';

async function readNoticeRow(executor: Executor, id: number) {
  const [row] = await executor
    .select({
      id: publicityNotices.id,
      callId: publicityNotices.callId,
      title: publicityNotices.title,
      callTitle: planCalls.title,
      year: planCalls.year,
      startOn: publicityNotices.startOn,
      endOn: publicityNotices.endOn,
      workingDays: publicityNotices.workingDays,
      establishedAt: publicityNotices.establishedAt,
      version: publicityNotices.version,
    })
    .from(publicityNotices)
    .innerJoin(planCalls, eq(planCalls.id, publicityNotices.callId))
    .where(eq(publicityNotices.id, id));
  if (!row) throw notFound();
  return row;
}

async function readItems(executor: Executor, noticeIds: number[]) {
  if (noticeIds.length === 0) return [];
  return executor
    .select({
      noticeId: publicityNoticeItems.noticeId,
      applicationId: publicityNoticeItems.applicationId,
      enterpriseName: publicityNoticeItems.enterpriseName,
      title: publicityNoticeItems.title,
      approvedFen: publicityNoticeItems.approvedFen,
      status: projectApplications.status,
      version: projectApplications.version,
    })
    .from(publicityNoticeItems)
    .innerJoin(projectApplications, eq(projectApplications.id, publicityNoticeItems.applicationId))
    .where(inArray(publicityNoticeItems.noticeId, noticeIds))
    .orderBy(asc(publicityNoticeItems.id));
}

/** Current and past 公示 for the public portal: projects, enterprises and amounts; cancelled ones are left out. */
export async function listPublicNotices(db: Database): Promise<{ items: PublicNotice[] }> {
  const notices = await db
    .select({
      id: publicityNotices.id,
      title: publicityNotices.title,
      callTitle: planCalls.title,
      year: planCalls.year,
      startOn: publicityNotices.startOn,
      endOn: publicityNotices.endOn,
    })
    .from(publicityNotices)
    .innerJoin(planCalls, eq(planCalls.id, publicityNotices.callId))
    .orderBy(desc(publicityNotices.startOn), desc(publicityNotices.id))
    .limit(100);
  const items = await readItems(
    db,
    notices.map((notice) => notice.id),
  );
  const now = today();
  return {
    items: notices.map((notice) => ({
      ...notice,
      isCurrent: notice.startOn <= now && now <= notice.endOn,
      items: items
        .filter((item) => item.noticeId === notice.id && item.status !== 'notFunded')
        .map(({ applicationId, enterpriseName, title, approvedFen }) => ({
          applicationId,
          enterpriseName,
          title,
          approvedFen,
        })),
    })),
  };
}

export async function listStaffNotices(db: Database) {
  const notices = await db
    .select({
      id: publicityNotices.id,
      callId: publicityNotices.callId,
      title: publicityNotices.title,
      startOn: publicityNotices.startOn,
      endOn: publicityNotices.endOn,
      establishedAt: publicityNotices.establishedAt,
      itemCount: sql<number>`(select count(*)::int from publicity_notice_items i where i.notice_id = ${publicityNotices.id})`,
      openObjectionCount: sql<number>`(select count(*)::int from publicity_objections o where o.notice_id = ${publicityNotices.id} and o.resolution is null)`,
    })
    .from(publicityNotices)
    .orderBy(desc(publicityNotices.id))
    .limit(200);
  const now = today();
  return {
    items: notices.map((notice) => ({
      ...notice,
      establishedAt: notice.establishedAt?.toISOString() ?? null,
      isCurrent: notice.startOn <= now && now <= notice.endOn,
    })),
  };
}

function establishBlocker(
  notice: { endOn: string; establishedAt: Date | null },
  openObjections: number,
): string | null {
  if (notice.establishedAt) return '本批项目已立项下达';
  if (today() <= notice.endOn) return `公示期至 ${notice.endOn} 结束，公示期满后方可立项下达`;
  if (openObjections > 0) return `尚有 ${openObjections} 条异议未处理`;
  return null;
}

export async function readNotice(db: Executor, id: number): Promise<PublicityNoticeDetail> {
  const notice = await readNoticeRow(db, id);
  const items = await readItems(db, [id]);
  const objections = await db
    .select({
      id: publicityObjections.id,
      noticeId: publicityObjections.noticeId,
      applicationId: publicityObjections.applicationId,
      projectTitle: projectApplications.title,
      source: publicityObjections.source,
      content: publicityObjections.content,
      contact: publicityObjections.contact,
      receivedOn: publicityObjections.receivedOn,
      resolution: publicityObjections.resolution,
      resolutionNote: publicityObjections.resolutionNote,
      resolvedAt: publicityObjections.resolvedAt,
      version: publicityObjections.version,
    })
    .from(publicityObjections)
    .innerJoin(projectApplications, eq(projectApplications.id, publicityObjections.applicationId))
    .where(eq(publicityObjections.noticeId, id))
    .orderBy(asc(publicityObjections.id));
  const open = objections.filter((objection) => objection.resolution === null).length;
  const now = today();
  return {
    ...notice,
    establishedAt: notice.establishedAt?.toISOString() ?? null,
    isCurrent: notice.startOn <= now && now <= notice.endOn,
    items: items.map(({ noticeId: _noticeId, ...item }) => ({
      ...item,
      status: item.status as ProjectApplicationStatus,
    })),
    objections: objections.map((objection) => ({
      ...objection,
      resolution: objection.resolution as 'upheld' | 'dismissed' | null,
      resolvedAt: objection.resolvedAt?.toISOString() ?? null,
    })),
    establishBlocker: establishBlocker(notice, open),
  };
}

/** Staff record an objection received during the 公示 (from the public, by letter, phone or in person). */
export async function recordObjection(
  db: Database,
  options: { noticeId: number; input: ObjectionCreate; context: RequestContext },
): Promise<PublicityNoticeDetail> {
  const { input, context } = options;
  requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const notice = await readNoticeRow(tx, options.noticeId);
    if (notice.establishedAt) throw new AppError(409, 'transitionNotAllowed');
    const [item] = await tx
      .select({ id: publicityNoticeItems.id })
      .from(publicityNoticeItems)
      .where(
        and(
          eq(publicityNoticeItems.noticeId, notice.id),
          eq(publicityNoticeItems.applicationId, input.applicationId),
        ),
      );
    if (!item)
      throw new AppError(400, 'validation', [
        { path: 'applicationId', message: '申报项目：不在本次公示名单中' },
      ]);
    const [row] = await tx
      .insert(publicityObjections)
      .values({ noticeId: notice.id, ...input })
      .returning({ id: publicityObjections.id });
    await recordAudit(tx, context, {
      event: 'publicity.objection.record',
      objectType: 'publicity_objections',
      objectId: row.id,
      after: { noticeId: notice.id, applicationId: input.applicationId, source: input.source },
    });
  });
  return readNotice(db, options.noticeId);
}

/** Resolves an objection: upheld cancels the project's 立项 (through its lifecycle); dismissed keeps it. */
export async function resolveObjection(
  db: Database,
  options: { id: number; input: ObjectionResolve; context: RequestContext },
): Promise<PublicityNoticeDetail> {
  const { input, context } = options;
  const actor = requireContextActor(context.actor);
  const noticeId = await db.transaction(async (tx) => {
    const [objection] = await queryRows<{
      id: number;
      notice_id: number;
      application_id: number;
      resolution: string | null;
      version: number;
    }>(
      tx,
      sql`select id, notice_id, application_id, resolution, version from publicity_objections where id = ${options.id} for update`,
    );
    if (!objection) throw notFound();
    if (Number(objection.version) !== input.version) throw versionConflict();
    if (objection.resolution !== null) throw new AppError(409, 'objectionResolved');
    await tx
      .update(publicityObjections)
      .set({
        resolution: input.resolution,
        resolutionNote: input.note,
        resolvedAt: new Date(),
        resolvedBy: actor.userId,
        version: sql`${publicityObjections.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(publicityObjections.id, objection.id));
    await recordAudit(tx, context, {
      event: `publicity.objection.${input.resolution}`,
      objectType: 'publicity_objections',
      objectId: objection.id,
      before: { resolution: null },
      after: { resolution: input.resolution, note: input.note },
    });
    if (input.resolution === 'upheld') {
      const [application] = await tx
        .select()
        .from(projectApplications)
        .where(eq(projectApplications.id, objection.application_id));
      if (application.status === 'publicity') {
        await fireTransition(tx, {
          definition: projectApplicationWorkflow,
          table: 'project_applications',
          objectId: application.id,
          action: 'cancelAfterObjection',
          expectedVersion: application.version,
          comment: input.note,
          context,
          isOwner: false,
          ownerEnterpriseId: application.enterpriseId,
          subject: `项目申报（${application.title}）`,
          link: `/enterprise/plan-applications/${application.id}`,
          extraAssignments: [sql`decision_note = ${input.note}`],
        });
      }
    }
    return objection.notice_id;
  });
  return readNotice(db, noticeId);
}

/**
 * Establishes (立项下达) the projects of a 公示 whose period has ended with no open objection, all or
 * none: each application fires `establish`, and gets its project (numbered) and a drafted 任务书
 * generated from its content. The enterprises are told by the lifecycle.
 */
export async function establishNotice(
  db: Database,
  options: { id: number; version: number; context: RequestContext },
): Promise<PublicityNoticeDetail> {
  const { context } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const [locked] = await queryRows<{ id: number; version: number }>(
      tx,
      sql`select id, version from publicity_notices where id = ${options.id} for update`,
    );
    if (!locked) throw notFound();
    if (Number(locked.version) !== options.version) throw versionConflict();
    const notice = await readNoticeRow(tx, options.id);
    if (notice.establishedAt) throw new AppError(409, 'transitionNotAllowed');
    if (today() <= notice.endOn) {
      throw new DetailedError(409, 'publicityNotEnded', {
        zh: `公示期尚未结束（${notice.startOn} 至 ${notice.endOn}），公示期满后方可立项下达`,
        en: `The publicity runs until ${notice.endOn}; establish after it ends`,
      });
    }
    const open = await tx
      .select({ id: publicityObjections.id })
      .from(publicityObjections)
      .where(and(eq(publicityObjections.noticeId, notice.id), isNull(publicityObjections.resolution)));
    if (open.length > 0) {
      throw new DetailedError(409, 'objectionsOpen', {
        zh: `公示期内有 ${open.length} 条异议尚未处理，请先处理异议再立项下达`,
        en: `${open.length} objection(s) are still open; resolve them first`,
      });
    }
    const [programmeCall] = await tx
      .select({
        title: planCalls.title,
        year: planCalls.year,
        talentProgrammeCode: planCategories.talentProgrammeCode,
      })
      .from(planCalls)
      .innerJoin(planCategories, eq(planCategories.id, planCalls.categoryId))
      .where(eq(planCalls.id, notice.callId));
    const items = await readItems(tx, [notice.id]);
    for (const item of items) {
      if (item.status !== 'publicity') continue;
      const [application] = await tx
        .select()
        .from(projectApplications)
        .where(eq(projectApplications.id, item.applicationId));
      const content = await buildContractContent(
        tx,
        application,
        Number(application.approvedFen ?? item.approvedFen),
      );
      const [project] = await tx
        .insert(planProjects)
        .values({
          applicationId: application.id,
          callId: application.callId,
          enterpriseId: application.enterpriseId,
          projectNo: await nextProjectNo(tx, notice.callId),
          title: application.title,
          status: planProjectWorkflow.initial,
          principalName: application.principalName,
          principalIdNumberCipher: application.principalIdNumberCipher,
          principalIdDigest: application.principalIdDigest,
          approvedFen: content.approvedFen,
          startOn: content.startOn,
          endOn: content.endOn,
        })
        .returning({ id: planProjects.id, projectNo: planProjects.projectNo });
      await fireTransition(tx, {
        definition: projectApplicationWorkflow,
        table: 'project_applications',
        objectId: application.id,
        action: 'establish',
        expectedVersion: application.version,
        context,
        isOwner: false,
        ownerEnterpriseId: application.enterpriseId,
        subject: `项目申报（${application.title}）`,
        link: `/enterprise/projects/${project.id}?tab=contract`,
      });
      await recordInitialState(tx, {
        definition: planProjectWorkflow,
        objectId: project.id,
        context,
        actorName: actor.displayName,
        action: 'establish',
        comment: `项目编号 ${project.projectNo}`,
      });
      const [contract] = await tx
        .insert(taskContracts)
        .values({
          planProjectId: project.id,
          enterpriseId: application.enterpriseId,
          status: taskContractWorkflow.initial,
          content,
        })
        .returning({ id: taskContracts.id });
      await recordInitialState(tx, {
        definition: taskContractWorkflow,
        objectId: contract.id,
        context,
        actorName: actor.displayName,
        action: 'generate',
        comment:
          content.approvedFen !== content.requestedFen
            ? '批准金额与申请金额不同，财政资金列已按比例调整'
            : undefined,
      });
      const bundle = applicationContentSchema.safeParse(application.content).data?.talentBundle ?? null;
      if (programmeCall?.talentProgrammeCode && bundle)
        await recordProgrammeSelection(tx, {
          programmeCode: programmeCall.talentProgrammeCode,
          year: programmeCall.year,
          bundle,
          applicationId: application.id,
          callTitle: programmeCall.title,
          submittedOn: (application.submittedAt ?? new Date()).toISOString().slice(0, 10),
          fundingFen: content.approvedFen,
          context,
        });
      await recordAudit(tx, context, {
        event: 'plan-project.establish',
        objectType: 'plan_projects',
        objectId: project.id,
        after: {
          projectNo: project.projectNo,
          applicationId: application.id,
          approvedFen: content.approvedFen,
        },
      });
    }
    await tx
      .update(publicityNotices)
      .set({
        establishedAt: new Date(),
        version: sql`${publicityNotices.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(publicityNotices.id, notice.id));
  });
  return readNotice(db, options.id);
}
