import {
  normalizeIdNumber,
  type TalentDetail,
  type TalentInput,
  type TalentListQuery,
  type TalentPage,
  type TalentUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, platforms, talentChannels, talentLinks, talents } from '../../db/schema';
import { decryptPii, digestPii, encryptPii, maskContact, maskDocument } from './pii';
import {
  actorOf,
  classify,
  loadScopedTalent,
  talentFieldError,
  talentScope,
  toDetail,
  toSummaries,
} from './talent-view';

/** Checks what the schema cannot: the employer, the platform and the channel exist (and the channel is in use). */
async function checkReferences(
  executor: Executor,
  input: TalentInput,
  context: RequestContext,
): Promise<void> {
  if (input.employerEnterpriseId !== null) {
    const [found] = await executor
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.employerEnterpriseId));
    if (!found)
      throw talentFieldError('employerEnterpriseId', 'platforms.hostNotInRegistry', context.language);
  }
  if (input.employerPlatformId !== null) {
    const [found] = await executor
      .select({ id: platforms.id })
      .from(platforms)
      .where(eq(platforms.id, input.employerPlatformId));
    if (!found) throw talentFieldError('employerPlatformId', 'talent.unknown', context.language);
  }
  const [channel] = await executor
    .select()
    .from(talentChannels)
    .where(eq(talentChannels.id, input.channelId));
  if (!channel) throw talentFieldError('channelId', 'talent.unknown', context.language);
  if (!channel.isActive) throw talentFieldError('channelId', 'talent.channelInactive', context.language);
}

/** The stored columns of a person: the document and contact encrypted, masked copies, the permit class. */
async function storedColumns(executor: Executor, input: TalentInput) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const permit = input.foreign ? await classify(executor, input, input.foreign) : null;
  return {
    name: input.name,
    gender: input.gender,
    birthYear: input.birthYear,
    origin: input.origin,
    nationality: input.nationality,
    idType: input.idType,
    idNumberCipher: encryptPii(idNumber),
    idNumberDigest: digestPii(idNumber),
    idNumberMasked: maskDocument(idNumber),
    contactCipher: input.contact ? encryptPii(input.contact) : null,
    contactMasked: input.contact ? maskContact(input.contact) : null,
    degree: input.degree,
    title: input.title,
    field: input.field,
    employerEnterpriseId: input.employerEnterpriseId,
    employerPlatformId: input.employerPlatformId,
    position: input.position,
    arrivalDate: input.arrivalDate,
    channelId: input.channelId,
    discovery: input.discovery,
    employmentMode: input.employmentMode,
    foreign: input.foreign,
    permitClass: permit?.permitClass ?? null,
  };
}

/** What an audit row may hold of a person: never the document number or the contact in clear. */
const auditView = (
  input: TalentInput,
  columns: { idNumberMasked: string; contactMasked: string | null },
) => ({
  ...input,
  idNumber: columns.idNumberMasked,
  contact: columns.contactMasked,
});

async function guardDuplicate<T>(work: () => Promise<T>, context: RequestContext): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error))
      throw talentFieldError('idNumber', 'talent.duplicateIdNumber', context.language);
    throw error;
  }
}

/** Puts a person on the ledger inside the caller's transaction (the demo and the import use it too). */
export async function insertTalent(
  tx: Transaction,
  input: TalentInput,
  context: RequestContext,
): Promise<number> {
  await checkReferences(tx, input, context);
  const columns = await storedColumns(tx, input);
  const [duplicate] = await tx
    .select({ id: talents.id })
    .from(talents)
    .where(eq(talents.idNumberDigest, columns.idNumberDigest));
  if (duplicate) throw talentFieldError('idNumber', 'talent.duplicateIdNumber', context.language);
  const [row] = await tx
    .insert(talents)
    .values({ ...columns, createdBy: context.actor?.userId ?? null })
    .returning({ id: talents.id });
  await recordAudit(tx, context, {
    event: 'talent.create',
    objectType: 'talents',
    objectId: row.id,
    after: auditView(input, columns),
  });
  return row.id;
}

export async function createTalent(
  db: Database,
  options: { input: TalentInput; context: RequestContext },
): Promise<TalentDetail> {
  const actor = actorOf(options.context);
  return guardDuplicate(
    () =>
      db.transaction(async (tx) => {
        const id = await insertTalent(tx, options.input, options.context);
        return toDetail(tx, actor, await loadScopedTalent(tx, actor, id));
      }),
    options.context,
  );
}

/** A versioned edit; the document and contact are re-encrypted and the permit class recomputed. */
export async function updateTalent(
  db: Database,
  options: { id: number; input: TalentUpdate; context: RequestContext },
): Promise<TalentDetail> {
  const { input, context } = options;
  const actor = actorOf(context);
  return guardDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(talents).where(eq(talents.id, options.id)).for('update');
        if (!before) throw notFound();
        if (before.erasedAt) throw new AppError(409, 'talentErased');
        if (before.version !== input.version) throw versionConflict();
        await checkReferences(tx, input, context);
        const columns = await storedColumns(tx, input);
        const [updated] = await tx
          .update(talents)
          .set({ ...columns, version: sql`${talents.version} + 1`, updatedAt: new Date() })
          .where(and(eq(talents.id, before.id), eq(talents.version, input.version)))
          .returning();
        if (!updated) throw versionConflict();
        const { idNumberCipher: _id, contactCipher: _contact, idNumberDigest: _digest, ...kept } = before;
        await recordAudit(tx, context, {
          event: 'talent.update',
          objectType: 'talents',
          objectId: before.id,
          before: kept,
          after: auditView(input, columns),
        });
        return toDetail(tx, actor, updated);
      }),
    context,
  );
}

export async function readTalent(db: Database, options: { actor: Actor; id: number }): Promise<TalentDetail> {
  return toDetail(db, options.actor, await loadScopedTalent(db, options.actor, options.id));
}

/** The document number and contact in clear, for staff who need them; every look is audited. */
export async function revealTalent(db: Database, options: { id: number; context: RequestContext }) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedTalent(tx, actor, options.id);
    if (row.erasedAt) throw new AppError(409, 'talentErased');
    await recordAudit(tx, options.context, {
      event: 'talent.reveal',
      objectType: 'talents',
      objectId: row.id,
    });
    return {
      idNumber: decryptPii(row.idNumberCipher),
      contact: row.contactCipher ? decryptPii(row.contactCipher) : null,
    };
  });
}

function listConditions(
  actor: Actor,
  query: Omit<TalentListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): SQL | undefined {
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  return and(
    talentScope(actor),
    query.origin ? eq(talents.origin, query.origin) : undefined,
    query.channelId === undefined ? undefined : eq(talents.channelId, query.channelId),
    query.permitClass ? eq(talents.permitClass, query.permitClass) : undefined,
    query.employerEnterpriseId === undefined
      ? undefined
      : eq(talents.employerEnterpriseId, query.employerEnterpriseId),
    query.platformId === undefined
      ? undefined
      : or(
          eq(talents.employerPlatformId, query.platformId),
          sql`exists (select 1 from ${talentLinks} where ${talentLinks.talentId} = ${talents.id} and ${talentLinks.platformId} = ${query.platformId})`,
        ),
    query.arrivalYear === undefined
      ? undefined
      : sql`${talents.arrivalDate} between ${`${query.arrivalYear}-01-01`}::date and ${`${query.arrivalYear}-12-31`}::date`,
    pattern === undefined
      ? undefined
      : or(ilike(talents.name, pattern), ilike(talents.field, pattern), ilike(talents.nationality, pattern)),
  );
}

export async function listTalents(
  db: Database,
  options: { actor: Actor; query: TalentListQuery },
): Promise<TalentPage> {
  const { query, actor } = options;
  const where = listConditions(actor, query);
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'name' ? talents.name : talents.arrivalDate;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(talents)
      .where(where)
      .orderBy(direction(sortColumn), direction(talents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(talents).where(where),
  ]);
  return { items: await toSummaries(db, rows), total, page: query.page, pageSize: query.pageSize };
}
