import {
  type HelpRecordInput,
  type ProgrammeRecord,
  type ProgrammeRecordInput,
  type ProgrammeRecordListQuery,
  type TalentChannel,
  type TalentDetail,
  type TalentLinkInput,
  type TalentProgrammeAction,
  talentProgrammeWorkflow,
} from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { isUniqueViolation, notFound } from '../../core/errors';
import type { ActionInput } from '../../core/routes';
import { fireTransition, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import {
  planProjects,
  platforms,
  talentChannels,
  talentHelpRecords,
  talentLinks,
  talentProgrammeRecords,
  talentProgrammes,
  talents,
  talentWageBases,
} from '../../db/schema';
import {
  actorOf,
  loadScopedTalent,
  readProgrammeRecords,
  talentFieldError,
  talentScope,
  toDetail,
} from './talent-view';

export async function listChannels(executor: Executor): Promise<TalentChannel[]> {
  return executor
    .select({
      id: talentChannels.id,
      code: talentChannels.code,
      name: talentChannels.name,
      sortOrder: talentChannels.sortOrder,
      isActive: talentChannels.isActive,
    })
    .from(talentChannels)
    .orderBy(asc(talentChannels.sortOrder), asc(talentChannels.id));
}

export async function createChannel(
  db: Database,
  options: { input: { code: string; name: string; sortOrder: number }; context: RequestContext },
): Promise<TalentChannel> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(talentChannels).values(options.input).returning();
      await recordAudit(tx, options.context, {
        event: 'talent.channel.create',
        objectType: 'talent_channels',
        objectId: row.id,
        after: options.input,
      });
      return { id: row.id, code: row.code, name: row.name, sortOrder: row.sortOrder, isActive: row.isActive };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw talentFieldError('code', 'talent.codeTaken', options.context.language);
    throw error;
  }
}

export async function listProgrammes(executor: Executor) {
  return executor
    .select({
      id: talentProgrammes.id,
      code: talentProgrammes.code,
      name: talentProgrammes.name,
      level: talentProgrammes.level,
    })
    .from(talentProgrammes)
    .orderBy(asc(talentProgrammes.sortOrder), asc(talentProgrammes.id));
}

export async function listWageBases(executor: Executor) {
  return executor
    .select({
      id: talentWageBases.id,
      city: talentWageBases.city,
      year: talentWageBases.year,
      averageWageFen: talentWageBases.averageWageFen,
      basis: talentWageBases.basis,
    })
    .from(talentWageBases)
    .orderBy(asc(talentWageBases.year));
}

/** Enters (or corrects) a city's previous-year average wage; the classifications of later saves read it. */
export async function saveWageBase(
  db: Database,
  options: {
    input: { city: string; year: number; averageWageFen: number; basis: string };
    context: RequestContext;
  },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(talentWageBases)
      .values(options.input)
      .onConflictDoUpdate({
        target: [talentWageBases.city, talentWageBases.year],
        set: {
          averageWageFen: options.input.averageWageFen,
          basis: options.input.basis,
          updatedAt: new Date(),
        },
      })
      .returning();
    await recordAudit(tx, options.context, {
      event: 'talent.wage-base.save',
      objectType: 'talent_wage_bases',
      objectId: row.id,
      after: options.input,
    });
    return {
      id: row.id,
      city: row.city,
      year: row.year,
      averageWageFen: row.averageWageFen,
      basis: row.basis,
    };
  });
}

export async function addHelpRecord(
  db: Database,
  options: { id: number; input: HelpRecordInput; context: RequestContext },
): Promise<TalentDetail> {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const talent = await loadScopedTalent(tx, actor, options.id);
    const [row] = await tx
      .insert(talentHelpRecords)
      .values({ ...options.input, talentId: talent.id, recordedBy: actor.userId })
      .returning({ id: talentHelpRecords.id });
    await recordAudit(tx, options.context, {
      event: 'talent.help.create',
      objectType: 'talent_help_records',
      objectId: row.id,
      after: { talentId: talent.id, ...options.input },
    });
    return toDetail(tx, actor, talent);
  });
}

async function checkPlatformAndProject(
  executor: Executor,
  input: { platformId: number | null; projectId: number | null },
  context: RequestContext,
): Promise<void> {
  if (input.platformId !== null) {
    const [found] = await executor
      .select({ id: platforms.id })
      .from(platforms)
      .where(eq(platforms.id, input.platformId));
    if (!found) throw talentFieldError('platformId', 'talent.unknown', context.language);
  }
  if (input.projectId !== null) {
    const [found] = await executor
      .select({ id: planProjects.id })
      .from(planProjects)
      .where(eq(planProjects.id, input.projectId));
    if (!found) throw talentFieldError('projectId', 'talent.unknown', context.language);
  }
}

/** Nominates a person to a programme (once per programme and year) inside the caller's transaction. */
export async function insertProgrammeRecord(
  tx: Transaction,
  talentId: number,
  input: ProgrammeRecordInput,
  context: RequestContext,
): Promise<number> {
  const [programme] = await tx
    .select()
    .from(talentProgrammes)
    .where(eq(talentProgrammes.id, input.programmeId));
  if (!programme) throw talentFieldError('programmeId', 'talent.unknown', context.language);
  await checkPlatformAndProject(tx, input, context);
  const [row] = await tx
    .insert(talentProgrammeRecords)
    .values({ ...input, talentId, status: talentProgrammeWorkflow.initial })
    .returning({ id: talentProgrammeRecords.id });
  await recordInitialState(tx, {
    definition: talentProgrammeWorkflow,
    objectId: row.id,
    context,
    actorName: context.actor?.displayName ?? '系统',
    action: 'nominate',
    comment: programme.name,
  });
  await recordAudit(tx, context, {
    event: 'talent.programme.nominate',
    objectType: 'talent_programme_records',
    objectId: row.id,
    after: { talentId, ...input },
  });
  return row.id;
}

export async function nominate(
  db: Database,
  options: { id: number; input: ProgrammeRecordInput; context: RequestContext },
): Promise<TalentDetail> {
  const actor = actorOf(options.context);
  try {
    return await db.transaction(async (tx) => {
      const talent = await loadScopedTalent(tx, actor, options.id);
      await insertProgrammeRecord(tx, talent.id, options.input, options.context);
      return toDetail(tx, actor, talent);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw talentFieldError('programmeId', 'talent.alreadyNominated', options.context.language);
    throw error;
  }
}

/**
 * Fires a programme record's transition in the caller's transaction; the outcome date is `on` (the
 * day the result was published), or today when the outcome is recorded as it happens.
 */
export async function fireProgrammeAction(
  tx: Transaction,
  actor: Actor,
  input: ActionInput<TalentProgrammeAction> & { on?: string },
): Promise<void> {
  const [record] = await readProgrammeRecords(tx, actor, eq(talentProgrammeRecords.id, input.id));
  if (!record) throw notFound();
  const [talent] = await tx
    .select({ employer: talents.employerEnterpriseId })
    .from(talents)
    .where(eq(talents.id, record.talentId));
  const outcomeOn = input.on ? sql`${input.on}::date` : sql`(now() at time zone 'Asia/Shanghai')::date`;
  await fireTransition(tx, {
    definition: talentProgrammeWorkflow,
    table: 'talent_programme_records',
    objectId: record.id,
    action: input.action,
    expectedVersion: input.version,
    comment: input.comment,
    context: input.context,
    isOwner: false,
    ownerEnterpriseId: talent?.employer ?? null,
    subject: `${record.talentName}（${record.programmeName}）`,
    link: `/bureau/talent?open=${record.talentId}`,
    extraAssignments: [input.action === 'reopen' ? sql`outcome_on = null` : sql`outcome_on = ${outcomeOn}`],
  });
}

/** Records a programme's outcome (入选 / 未入选) or reopens it, through the workflow runtime. */
export async function actOnProgrammeRecord(
  db: Database,
  input: ActionInput<TalentProgrammeAction>,
): Promise<ProgrammeRecord> {
  const actor = actorOf(input.context);
  return db.transaction(async (tx) => {
    await fireProgrammeAction(tx, actor, input);
    const [after] = await readProgrammeRecords(tx, actor, eq(talentProgrammeRecords.id, input.id));
    return after;
  });
}

export async function listProgrammeRecords(
  db: Database,
  options: { actor: Actor; query: ProgrammeRecordListQuery },
) {
  const { query, actor } = options;
  const where = and(
    query.programmeId === undefined ? undefined : eq(talentProgrammeRecords.programmeId, query.programmeId),
    query.year === undefined ? undefined : eq(talentProgrammeRecords.year, query.year),
    query.status === undefined ? undefined : eq(talentProgrammeRecords.status, query.status),
  );
  const [items, [{ total }]] = await Promise.all([
    readProgrammeRecords(db, actor, where, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(talentProgrammeRecords)
      .innerJoin(talents, eq(talents.id, talentProgrammeRecords.talentId))
      .where(and(talentScope(actor), where)),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** "平台+项目+人才": links a person to a platform and/or a plan project of the registries. */
export async function addLink(
  db: Database,
  options: { id: number; input: TalentLinkInput; context: RequestContext },
): Promise<TalentDetail> {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const talent = await loadScopedTalent(tx, actor, options.id);
    await checkPlatformAndProject(tx, options.input, options.context);
    const [row] = await tx
      .insert(talentLinks)
      .values({ ...options.input, talentId: talent.id })
      .returning({ id: talentLinks.id });
    await recordAudit(tx, options.context, {
      event: 'talent.link.create',
      objectType: 'talent_links',
      objectId: row.id,
      after: { talentId: talent.id, ...options.input },
    });
    return toDetail(tx, actor, talent);
  });
}
