import {
  computeCertificateValidity,
  type ObserverHighTechItem,
  type ObserverListQuery,
  type ObserverRdExpenseItem,
} from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { enterprises, enterpriseYearFigures, highTechCertificates } from '../../db/schema';
import { validityCondition } from './certificates-service';
import { enterpriseKeywordCondition, today } from './register-helpers';

/**
 * 信息畅通机制: the finance/tax view selects exactly the entitled columns, so nothing else is ever read
 * for it, let alone sent. No enterprise scope applies: the observer sees the district's HTE list.
 */
export async function listObserverHighTech(
  db: Database,
  options: { query: ObserverListQuery; asOf?: string },
): Promise<{ items: ObserverHighTechItem[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const asOf = options.asOf ?? today();
  const where = and(
    validityCondition(query.validity, asOf),
    query.year === undefined
      ? undefined
      : sql`extract(year from ${highTechCertificates.issuedOn}) = ${query.year}`,
    enterpriseKeywordCondition(query.keyword),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        creditCode: enterprises.creditCode,
        enterpriseName: enterprises.name,
        certificateNumber: highTechCertificates.certificateNumber,
        issuedOn: highTechCertificates.issuedOn,
        expiresOn: highTechCertificates.expiresOn,
      })
      .from(highTechCertificates)
      .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
      .where(where)
      .orderBy(asc(enterprises.name), asc(highTechCertificates.issuedOn), asc(highTechCertificates.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(highTechCertificates)
      .innerJoin(enterprises, eq(enterprises.id, highTechCertificates.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, validity: computeCertificateValidity(row.expiresOn, asOf) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * R&D expense of high-tech enterprises, for the years a certificate of theirs covers (the years the
 * tax preference applies); other years and every other figure stay out of the observer's reach.
 */
export async function listObserverRdExpenses(
  db: Database,
  options: { query: ObserverListQuery },
): Promise<{ items: ObserverRdExpenseItem[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const coveredByCertificate = sql`exists (select 1 from ${highTechCertificates}
    where ${highTechCertificates.enterpriseId} = ${enterpriseYearFigures.enterpriseId}
      and extract(year from ${highTechCertificates.issuedOn}) <= ${enterpriseYearFigures.year}
      and extract(year from ${highTechCertificates.expiresOn}) >= ${enterpriseYearFigures.year})`;
  const where = and(
    coveredByCertificate,
    query.year === undefined ? undefined : eq(enterpriseYearFigures.year, query.year),
    enterpriseKeywordCondition(query.keyword),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        creditCode: enterprises.creditCode,
        enterpriseName: enterprises.name,
        year: enterpriseYearFigures.year,
        rdExpenseFen: enterpriseYearFigures.rdExpenseFen,
        rdExpenseDomesticFen: enterpriseYearFigures.rdExpenseDomesticFen,
      })
      .from(enterpriseYearFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseYearFigures.enterpriseId))
      .where(where)
      .orderBy(asc(enterprises.name), asc(enterpriseYearFigures.year), asc(enterpriseYearFigures.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(enterpriseYearFigures)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseYearFigures.enterpriseId))
      .where(where),
  ]);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
