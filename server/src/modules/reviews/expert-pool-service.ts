import crypto from 'node:crypto';
import {
  type ExpertAction,
  type ExpertCreate,
  type ExpertDetail,
  type ExpertListQuery,
  type ExpertStatus,
  type ExpertSummary,
  type ExpertUpdate,
  expertWorkflow,
  listAllowedActions,
  maskEmail,
  maskPhone,
  translate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { hashPassword } from '../../core/passwords';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import { experts, users } from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';

type ExpertRow = typeof experts.$inferSelect & { username: string | null };

const columns = { expert: experts, username: users.username };

function toSummary(row: ExpertRow): ExpertSummary {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    fields: row.fields,
    organisation: { name: row.organisationName, creditCode: row.organisationCreditCode },
    phoneMasked: maskPhone(row.phone),
    isAvailable: row.isAvailable,
    status: row.status as ExpertStatus,
    username: row.username,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORT_COLUMNS = { name: experts.name, updatedAt: experts.updatedAt } as const;

export async function listExperts(db: Database, options: { query: ExpertListQuery }) {
  const { query } = options;
  const keyword = query.keyword ? `%${query.keyword.replace(/[\\%_]/g, '\\$&')}%` : null;
  const where = and(
    query.status === undefined ? undefined : eq(experts.status, query.status),
    query.field === undefined ? undefined : sql`${experts.fields} ? ${query.field}`,
    keyword === null ? undefined : or(ilike(experts.name, keyword), ilike(experts.organisationName, keyword)),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(experts)
      .leftJoin(users, eq(users.id, experts.userId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'updatedAt']), direction(experts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(experts).where(where),
  ]);
  return {
    items: rows.map((row) => toSummary({ ...row.expert, username: row.username })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadExpertRow(executor: Executor, id: number): Promise<ExpertRow> {
  const [row] = await executor
    .select(columns)
    .from(experts)
    .leftJoin(users, eq(users.id, experts.userId))
    .where(eq(experts.id, id));
  if (!row) throw notFound();
  return { ...row.expert, username: row.username };
}

export async function readExpert(db: Database, options: { actor: Actor; id: number }): Promise<ExpertDetail> {
  const row = await loadExpertRow(db, options.id);
  return {
    expert: {
      ...toSummary(row),
      emailMasked: maskEmail(row.email),
      hasPersonId: row.personId !== null,
      affiliations: row.affiliations,
      relations: row.relations as unknown[],
      collaborations: row.collaborations as unknown[],
    },
    allowedActions: listAllowedActions(expertWorkflow, row.status as ExpertStatus, {
      role: options.actor.role,
      isOwner: false,
    }),
    history: await readHistory(db, expertWorkflow.name, row.id),
  };
}

function expertValues(input: Omit<ExpertUpdate, 'version'>) {
  return {
    name: input.name,
    personId: input.personId,
    title: input.title,
    fields: input.fields,
    organisationName: input.organisation.name,
    organisationCreditCode: input.organisation.creditCode ?? null,
    affiliations: input.affiliations,
    phone: input.phone,
    email: input.email,
    isAvailable: input.isAvailable,
    relations: input.relations,
    collaborations: input.collaborations,
  };
}

/** What the audit keeps of an expert: no phone, e-mail or id number in clear. */
function auditedValues(input: Omit<ExpertUpdate, 'version'>) {
  return {
    name: input.name,
    title: input.title,
    fields: input.fields,
    organisation: input.organisation,
    isAvailable: input.isAvailable,
    relations: input.relations.length,
    collaborations: input.collaborations.length,
  };
}

/** Staff enter an expert with a login of role `expert`; the entry waits for approval. */
export async function createExpert(
  db: Database,
  options: { input: ExpertCreate; context: RequestContext },
): Promise<ExpertDetail & { initialPassword: string }> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const initialPassword = `Kc@${crypto.randomBytes(6).toString('base64url')}9a`;
  const passwordHash = await hashPassword(initialPassword);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.name,
          role: 'expert',
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      const [row] = await tx
        .insert(experts)
        .values({ ...expertValues(input), userId: user.id, status: expertWorkflow.initial })
        .returning({ id: experts.id });
      await recordInitialState(tx, {
        definition: expertWorkflow,
        objectId: row.id,
        context,
        actorName: actor.displayName,
        action: 'enter',
      });
      await recordAudit(tx, context, {
        event: 'expert.create',
        objectType: 'experts',
        objectId: row.id,
        after: { ...auditedValues(input), username: input.username, userId: user.id },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(409, 'duplicate', [
        {
          path: 'username',
          message: translate(REVIEW_MESSAGES.usernameTaken, context.language),
        },
      ]);
    throw error;
  }
  return { ...(await readExpert(db, { actor, id })), initialPassword };
}

export async function updateExpert(
  db: Database,
  options: { id: number; input: ExpertUpdate; context: RequestContext },
): Promise<ExpertDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  await db.transaction(async (tx) => {
    const before = await loadExpertRow(tx, options.id);
    const updated = await tx
      .update(experts)
      .set({ ...expertValues(input), version: sql`${experts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(experts.id, options.id), eq(experts.version, input.version)))
      .returning({ id: experts.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'expert.update',
      objectType: 'experts',
      objectId: options.id,
      before: { version: before.version, name: before.name, organisation: before.organisationName },
      after: { ...auditedValues(input), version: input.version + 1 },
    });
  });
  return readExpert(db, { actor, id: options.id });
}

export async function fireExpertAction(
  db: Database,
  options: { id: number; action: ExpertAction; version: number; comment?: string; context: RequestContext },
): Promise<ExpertDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadExpertRow(db, options.id);
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: expertWorkflow,
      table: 'experts',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context,
      isOwner: false,
      ownerEnterpriseId: null,
      subject: `评审专家（${row.name}）`,
      link: null,
    });
    // A removed expert can no longer sign in.
    if (options.action === 'remove' && row.userId !== null)
      await tx.update(users).set({ isDisabled: true }).where(eq(users.id, row.userId));
  });
  return readExpert(db, { actor, id: row.id });
}

/** The full phone and e-mail, for staff who need to call: every look is audited. */
export async function revealExpertContact(db: Database, options: { id: number; context: RequestContext }) {
  const row = await loadExpertRow(db, options.id);
  await recordAudit(db, options.context, {
    event: 'expert.contact.reveal',
    objectType: 'experts',
    objectId: row.id,
  });
  return { phone: row.phone, email: row.email };
}

/** The expert record of a signed-in expert, or null. */
export async function findExpertIdOfUser(executor: Executor, userId: number): Promise<number | null> {
  const [row] = await executor.select({ id: experts.id }).from(experts).where(eq(experts.userId, userId));
  return row?.id ?? null;
}
