import {
  computeCertificateExpiry,
  computeCertificateValidity,
  computeReminderDate,
  findCertificateNumberProblem,
  type HighTechCertificate,
  type HighTechCertificateInput,
  type HighTechCertificateListQuery,
  type HighTechCertificateUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, gt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { enterpriseScope } from '../../core/scope';
import type { Database, Executor } from '../../db/connection';
import { enterprises, highTechCertificates } from '../../db/schema';
import { loadScopedEnterprise } from './figures-service';
import { CULTIVATION_MESSAGES } from './messages';
import {
  duplicateError,
  enterpriseKeywordCondition,
  fieldError,
  today,
  writeRegister,
} from './register-helpers';

const columns = {
  id: highTechCertificates.id,
  enterpriseId: highTechCertificates.enterpriseId,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  certificateNumber: highTechCertificates.certificateNumber,
  issuedOn: highTechCertificates.issuedOn,
  expiresOn: highTechCertificates.expiresOn,
  version: highTechCertificates.version,
  updatedAt: highTechCertificates.updatedAt,
};

type Row = { updatedAt: Date } & Omit<HighTechCertificate, 'updatedAt' | 'validity'>;
const toCertificate = (row: Row, asOf: string): HighTechCertificate => ({
  ...row,
  validity: computeCertificateValidity(row.expiresOn, asOf),
  updatedAt: row.updatedAt.toISOString(),
});

const SORT_COLUMNS = {
  issuedOn: highTechCertificates.issuedOn,
  expiresOn: highTechCertificates.expiresOn,
  name: enterprises.name,
} as const;

/** The same rule as computeCertificateValidity, as SQL on the stored dates, so the filter pages correctly. */
export function validityCondition(
  validity: HighTechCertificateListQuery['validity'],
  asOf: string,
): SQL | undefined {
  switch (validity) {
    case 'expired':
      return lte(highTechCertificates.expiresOn, asOf);
    case 'expiring':
      return and(lte(highTechCertificates.remindOn, asOf), gt(highTechCertificates.expiresOn, asOf));
    case 'valid':
      return gt(highTechCertificates.remindOn, asOf);
    default:
      return undefined;
  }
}

export async function listCertificates(
  db: Database,
  options: { actor: Actor; query: HighTechCertificateListQuery; enterpriseId?: number; asOf?: string },
) {
  const { query } = options;
  const asOf = options.asOf ?? today();
  const where = and(
    enterpriseScope(options.actor),
    options.enterpriseId === undefined
      ? undefined
      : eq(highTechCertificates.enterpriseId, options.enterpriseId),
    query.year === undefined
      ? undefined
      : sql`extract(year from ${highTechCertificates.issuedOn}) = ${query.year}`,
    validityCondition(query.validity, asOf),
    enterpriseKeywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(highTechCertificates)
      .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'issuedOn']), direction(highTechCertificates.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(highTechCertificates)
      .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => toCertificate(row, asOf)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function readCertificate(executor: Executor, id: number): Promise<HighTechCertificate> {
  const [row] = await executor
    .select(columns)
    .from(highTechCertificates)
    .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
    .where(eq(highTechCertificates.id, id));
  if (!row) throw notFound();
  return toCertificate(row, today());
}

function checkNumber(input: { certificateNumber: string; issuedOn: string }, context: RequestContext): void {
  const problem = findCertificateNumberProblem(input.certificateNumber, input.issuedOn);
  if (problem) throw fieldError('certificateNumber', problem, context.language);
}

async function assertNumberFree(
  executor: Executor,
  certificateNumber: string,
  exceptId: number | null,
  context: RequestContext,
): Promise<void> {
  const [other] = await executor
    .select({ id: highTechCertificates.id })
    .from(highTechCertificates)
    .where(
      and(
        eq(highTechCertificates.certificateNumber, certificateNumber),
        exceptId === null ? undefined : ne(highTechCertificates.id, exceptId),
      ),
    )
    .limit(1);
  if (other) {
    throw duplicateError('certificateNumber', CULTIVATION_MESSAGES.certificateRecorded, context.language);
  }
}

const datesOf = (issuedOn: string) => {
  const expiresOn = computeCertificateExpiry(issuedOn);
  return { issuedOn, expiresOn, remindOn: computeReminderDate(expiresOn) };
};

/** Records a certificate (a first recognition or a re-recognition after re-application: a new number). */
export async function createCertificate(
  db: Database,
  options: { input: HighTechCertificateInput; context: RequestContext },
): Promise<HighTechCertificate> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, input.enterpriseId);
  checkNumber(input, context);
  return writeRegister(db, async (tx) => {
    await assertNumberFree(tx, input.certificateNumber, null, context);
    const [row] = await tx
      .insert(highTechCertificates)
      .values({
        enterpriseId: enterprise.id,
        certificateNumber: input.certificateNumber,
        ...datesOf(input.issuedOn),
      })
      .returning({ id: highTechCertificates.id });
    const created = await readCertificate(tx, row.id);
    await recordAudit(tx, context, {
      event: 'high-tech-certificate.create',
      objectType: 'high_tech_certificates',
      objectId: row.id,
      after: created,
    });
    return created;
  });
}

/** Corrects a certificate; a changed issue date moves the expiry and makes its reminder due again. */
export async function updateCertificate(
  db: Database,
  options: { id: number; input: HighTechCertificateUpdate; context: RequestContext },
): Promise<HighTechCertificate> {
  const { input, context } = options;
  checkNumber(input, context);
  return writeRegister(db, async (tx) => {
    const before = await readCertificate(tx, options.id);
    if (before.version !== input.version) throw versionConflict();
    await assertNumberFree(tx, input.certificateNumber, before.id, context);
    const updated = await tx
      .update(highTechCertificates)
      .set({
        certificateNumber: input.certificateNumber,
        ...datesOf(input.issuedOn),
        ...(input.issuedOn === before.issuedOn ? {} : { reminderSentAt: null }),
        version: sql`${highTechCertificates.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(highTechCertificates.id, before.id), eq(highTechCertificates.version, input.version)))
      .returning({ id: highTechCertificates.id });
    if (updated.length !== 1) throw versionConflict();
    const after = await readCertificate(tx, before.id);
    await recordAudit(tx, context, {
      event: 'high-tech-certificate.correct',
      objectType: 'high_tech_certificates',
      objectId: before.id,
      before,
      after,
    });
    return after;
  });
}
