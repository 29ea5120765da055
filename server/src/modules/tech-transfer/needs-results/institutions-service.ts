import type { InstitutionInput, InstitutionKind } from '@kechuang/domain';
import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit';
import type { RequestContext } from '../../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../../core/errors';
import type { Database } from '../../../db/connection';
import { techInstitutions } from '../../../db/schema';
import { likePattern } from './listing-scope';

const resultCount = sql<number>`(select count(*)::int from tech_results r where r.institution_id = "tech_institutions"."id")`;

function toInstitution(row: typeof techInstitutions.$inferSelect & { resultCount: number }) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind as InstitutionKind,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    resultCount: Number(row.resultCount),
  };
}

function duplicateError(): AppError {
  return new AppError(409, 'duplicate', [
    { path: 'name', message: '机构名称或统一社会信用代码：已在名录中' },
  ]);
}

export async function listInstitutions(
  db: Database,
  query: {
    page: number;
    pageSize: number;
    sort?: 'name' | 'id';
    order: 'asc' | 'desc';
    kind?: string;
    keyword?: string;
  },
) {
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(techInstitutions.kind, query.kind));
  if (query.keyword) conditions.push(ilike(techInstitutions.name, likePattern(query.keyword)));
  const where = conditions.length ? and(...conditions) : undefined;
  const column = query.sort === 'name' ? techInstitutions.name : techInstitutions.id;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ row: techInstitutions, resultCount })
      .from(techInstitutions)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(techInstitutions).where(where),
  ]);
  return {
    items: rows.map((row) => toInstitution({ ...row.row, resultCount: row.resultCount })),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function createInstitution(
  db: Database,
  options: { input: InstitutionInput; context: RequestContext },
) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(techInstitutions).values(options.input).returning();
      await recordAudit(tx, options.context, {
        event: 'tech-institution.create',
        objectType: 'tech_institutions',
        objectId: row.id,
        after: options.input,
      });
      return toInstitution({ ...row, resultCount: 0 });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError();
    throw error;
  }
}

export async function saveInstitution(
  db: Database,
  options: { id: number; version: number; input: InstitutionInput; context: RequestContext },
) {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(techInstitutions).where(eq(techInstitutions.id, options.id));
      if (!before) throw notFound();
      const [row] = await tx
        .update(techInstitutions)
        .set({ ...options.input, version: sql`${techInstitutions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(techInstitutions.id, options.id), eq(techInstitutions.version, options.version)))
        .returning();
      if (!row) throw versionConflict();
      await recordAudit(tx, options.context, {
        event: 'tech-institution.update',
        objectType: 'tech_institutions',
        objectId: row.id,
        before: { name: before.name, kind: before.kind, creditCode: before.creditCode },
        after: options.input,
      });
      const [counted] = await tx
        .select({ resultCount })
        .from(techInstitutions)
        .where(eq(techInstitutions.id, row.id));
      return toInstitution({ ...row, resultCount: counted.resultCount });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError();
    throw error;
  }
}
