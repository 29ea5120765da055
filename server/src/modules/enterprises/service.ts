import {
  ENTERPRISE_SIZES,
  type Enterprise,
  type EnterpriseDetail,
  type EnterpriseListQuery,
  type EnterpriseProfile,
  type EnterpriseRegister,
  enterpriseVerificationWorkflow,
  INDUSTRIES,
  labelOf,
  listAllowedActions,
  translate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { ExportColumn } from '../../core/excel';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import { hashPassword } from '../../core/passwords';
import { enterpriseScope, ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database } from '../../db/connection';
import { enterprises, users } from '../../db/schema';
import { ENTERPRISE_MESSAGES } from './messages';

type EnterpriseRow = typeof enterprises.$inferSelect;

export function toEnterprise(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    status: row.status as Enterprise['status'],
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    industry: row.industry,
    street: row.street,
    address: row.address,
    foundedOn: row.foundedOn,
    size: row.size,
    legalRepresentative: row.legalRepresentative,
    registeredCapitalFen: row.registeredCapitalFen,
    businessScope: row.businessScope,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Self-registration: the enterprise and its first user, pending the bureau's verification. */
export async function registerEnterprise(
  db: Database,
  options: { input: EnterpriseRegister; context: RequestContext },
): Promise<{ enterpriseId: number; username: string }> {
  const { input, context } = options;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [enterprise] = await tx
        .insert(enterprises)
        .values({
          creditCode: input.creditCode,
          name: input.name,
          status: enterpriseVerificationWorkflow.initial,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          contactEmail: input.contactEmail ?? null,
        })
        .returning();
      const [user] = await tx
        .insert(users)
        .values({
          username: input.creditCode,
          displayName: input.contactName,
          role: 'enterprise',
          enterpriseId: enterprise.id,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      const actorContext: RequestContext = {
        ...context,
        actor: {
          userId: user.id,
          username: input.creditCode,
          displayName: input.contactName,
          role: 'enterprise',
          enterpriseId: enterprise.id,
        },
      };
      await recordInitialState(tx, {
        definition: enterpriseVerificationWorkflow,
        objectId: enterprise.id,
        context: actorContext,
        actorName: input.contactName,
        action: 'register',
      });
      await recordAudit(tx, actorContext, {
        event: 'enterprise.register',
        objectType: 'enterprises',
        objectId: enterprise.id,
        after: toEnterprise(enterprise),
      });
      await notifyUsers(tx, await findUserIdsByRole(tx, ['staff']), {
        kind: 'enterprises.registered',
        title: ENTERPRISE_MESSAGES.registrationTitle(input).zh,
        body: ENTERPRISE_MESSAGES.registrationBody(input).zh,
        link: `/bureau/enterprises/${enterprise.id}`,
      });
      return { enterpriseId: enterprise.id, username: input.creditCode };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'duplicate', [
        {
          path: 'creditCode',
          message: translate(ENTERPRISE_MESSAGES.creditCodeRegistered, context.language),
        },
      ]);
    }
    throw error;
  }
}

function listCondition(actor: Actor, query: Partial<EnterpriseListQuery>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [enterpriseScope(actor)];
  if (query.keyword) {
    const pattern = `%${query.keyword.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      or(
        ilike(enterprises.name, pattern),
        ilike(enterprises.creditCode, pattern),
        ilike(enterprises.contactName, pattern),
      ),
    );
  }
  if (query.status) conditions.push(eq(enterprises.status, query.status));
  if (query.industry) conditions.push(eq(enterprises.industry, query.industry));
  if (query.street) conditions.push(eq(enterprises.street, query.street));
  if (query.size) conditions.push(eq(enterprises.size, query.size));
  return and(...conditions);
}

const SORT_COLUMNS = {
  createdAt: enterprises.createdAt,
  name: enterprises.name,
  creditCode: enterprises.creditCode,
  foundedOn: enterprises.foundedOn,
  status: enterprises.status,
} as const;

export async function listEnterprises(db: Database, options: { actor: Actor; query: EnterpriseListQuery }) {
  const { query } = options;
  const where = listCondition(options.actor, query);
  const column = SORT_COLUMNS[query.sort ?? 'createdAt'];
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(direction(column), direction(enterprises.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(enterprises).where(where),
  ]);
  return { items: rows.map(toEnterprise), total, page: query.page, pageSize: query.pageSize };
}

/** Status counts for the list's tabs, within the same filters except status. */
export async function countEnterprisesByStatus(
  db: Database,
  options: { actor: Actor; query: Partial<EnterpriseListQuery> },
) {
  const rows = await db
    .select({ status: enterprises.status, count: sql<number>`count(*)::int` })
    .from(enterprises)
    .where(listCondition(options.actor, { ...options.query, status: undefined }))
    .groupBy(enterprises.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** Every row of the filtered list, page by page, for the xlsx export of exactly what is shown. */
export async function* iterateEnterprisesForExport(
  db: Database,
  options: { actor: Actor; query: EnterpriseListQuery },
) {
  const pageSize = 1000;
  for (let page = 1; ; page++) {
    const result = await listEnterprises(db, {
      actor: options.actor,
      query: { ...options.query, page, pageSize },
    });
    yield result.items;
    if (result.items.length < pageSize) return;
  }
}

const STATUS_LABELS = enterpriseVerificationWorkflow.states;
export const ENTERPRISE_EXPORT_COLUMNS: ExportColumn<Enterprise>[] = [
  { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
  { header: '企业名称', width: 36, value: (row) => row.name },
  { header: '状态', width: 10, value: (row) => STATUS_LABELS[row.status].zh },
  { header: '所属行业', value: (row) => labelOf(INDUSTRIES, row.industry)?.zh ?? '' },
  { header: '所属街道/镇', value: (row) => row.street ?? '' },
  { header: '企业规模', width: 10, value: (row) => labelOf(ENTERPRISE_SIZES, row.size)?.zh ?? '' },
  { header: '成立日期', width: 12, value: (row) => row.foundedOn ?? '' },
  { header: '联系人', width: 10, value: (row) => row.contactName },
  { header: '注册时间', width: 20, value: (row) => row.createdAt.slice(0, 19).replace('T', ' ') },
];

async function loadVisibleEnterprise(db: Database, actor: Actor, id: number): Promise<EnterpriseRow> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScope(actor)));
  if (!row) throw notFound();
  return row;
}

function canEditProfile(actor: Actor, row: EnterpriseRow): boolean {
  return actor.role === 'staff' || ownsEnterprise(actor, row.id);
}

export async function readEnterpriseDetail(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<EnterpriseDetail> {
  const row = await loadVisibleEnterprise(db, options.actor, options.id);
  return {
    enterprise: toEnterprise(row),
    allowedActions: listAllowedActions(enterpriseVerificationWorkflow, row.status as Enterprise['status'], {
      role: options.actor.role,
      isOwner: ownsEnterprise(options.actor, row.id),
    }),
    canEdit: canEditProfile(options.actor, row),
    history: await readHistory(db, enterpriseVerificationWorkflow.name, row.id),
  };
}

/** Saves the profile if the caller's version is current; a stale version is refused with 409. */
export async function updateEnterpriseProfile(
  db: Database,
  options: { id: number; input: EnterpriseProfile; context: RequestContext },
): Promise<EnterpriseDetail> {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const { version, ...fields } = options.input;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.id, options.id), enterpriseScope(actor)))
      .for('update');
    if (!before) throw notFound();
    if (!canEditProfile(actor, before)) throw new AppError(403, 'forbidden');
    if (before.version !== version) throw versionConflict();
    const [after] = await tx
      .update(enterprises)
      .set({
        name: fields.name,
        contactName: fields.contactName,
        contactPhone: fields.contactPhone,
        contactEmail: fields.contactEmail ?? null,
        industry: fields.industry ?? null,
        street: fields.street ?? null,
        address: fields.address ?? null,
        foundedOn: fields.foundedOn ?? null,
        size: fields.size ?? null,
        legalRepresentative: fields.legalRepresentative ?? null,
        registeredCapitalFen: fields.registeredCapitalFen ?? null,
        businessScope: fields.businessScope ?? null,
        updatedAt: new Date(),
        version: sql`${enterprises.version} + 1`,
      })
      .where(and(eq(enterprises.id, options.id), eq(enterprises.version, version)))
      .returning();
    if (!after) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'enterprise.profile.update',
      objectType: 'enterprises',
      objectId: options.id,
      before: toEnterprise(before),
      after: toEnterprise(after),
    });
  });
  return readEnterpriseDetail(db, { actor, id: options.id });
}

export async function runEnterpriseAction(
  db: Database,
  options: { id: number; action: string; version: number; comment?: string; context: RequestContext },
): Promise<EnterpriseDetail> {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadVisibleEnterprise(db, actor, options.id);
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: enterpriseVerificationWorkflow,
      table: 'enterprises',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context: options.context,
      isOwner: ownsEnterprise(actor, row.id),
      ownerEnterpriseId: row.id,
      subject: ENTERPRISE_MESSAGES.verificationSubject(row).zh,
      link: options.action === 'resubmit' ? `/bureau/enterprises/${row.id}` : '/enterprise/profile',
      extraAssignments:
        options.action === 'verify'
          ? [sql`verified_at = now()`]
          : options.action === 'revoke'
            ? [sql`verified_at = null`]
            : [],
    });
  });
  return readEnterpriseDetail(db, { actor, id: row.id });
}
