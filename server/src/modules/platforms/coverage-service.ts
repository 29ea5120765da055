import type { CoverageEntry, CoverageQuery } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { queryRows } from '../../db/connection';

/**
 * The 规上 enterprises of a year (by their year figures) and how many R&D institutions each hosts
 * at 31 December: platforms in force of a type that counts for coverage, at any level. The same
 * rule as the `platforms.rd-institution-coverage` indicator.
 */
function coverageRows(year: number) {
  const yearEnd = `${year}-12-31`;
  return sql`select e.id as enterprise_id, e.name, e.credit_code, e.street,
      (f.rd_expense_fen > 0) as has_rd_activity,
      (select count(distinct p.id)::int from platform_hosts ph
        join platforms p on p.id = ph.platform_id
        join platform_types t on t.id = p.type_id
        where ph.enterprise_id = e.id and t.counts_for_coverage
          and p.first_recognized_on <= ${yearEnd}::date
          and (p.ended_on is null or p.ended_on > ${yearEnd}::date)) as institutions
    from enterprise_year_figures f join enterprises e on e.id = f.enterprise_id
    where f.year = ${year} and f.is_above_designated_size`;
}

export async function listCoverage(db: Database, query: CoverageQuery) {
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : null;
  const filter = sql`(${query.coverage === undefined} or (${query.coverage === 'covered'} and c.institutions > 0)
      or (${query.coverage === 'uncovered'} and c.institutions = 0))
    and (${pattern}::text is null or c.name ilike ${pattern} or c.credit_code ilike ${pattern})`;
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const [rows, [totals]] = await Promise.all([
    queryRows<{
      enterprise_id: number;
      name: string;
      credit_code: string;
      street: string | null;
      has_rd_activity: boolean;
      institutions: number;
    }>(
      db,
      sql`select * from (${coverageRows(query.year)}) c where ${filter}
        order by ${query.sort === 'name' ? sql`c.name` : sql`c.institutions`} ${direction}, c.enterprise_id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ total: number; above_scale: number; covered: number; with_rd_activity: number }>(
      db,
      sql`select count(*) filter (where ${filter})::int as total, count(*)::int as above_scale,
          count(*) filter (where c.institutions > 0)::int as covered,
          count(*) filter (where c.has_rd_activity)::int as with_rd_activity
        from (${coverageRows(query.year)}) c`,
    ),
  ]);
  const items: CoverageEntry[] = rows.map((row) => ({
    enterpriseId: row.enterprise_id,
    name: row.name,
    creditCode: row.credit_code,
    street: row.street,
    institutions: row.institutions,
    hasRdActivity: row.has_rd_activity,
  }));
  return {
    items,
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    year: query.year,
    aboveScale: totals.above_scale,
    covered: totals.covered,
    withRdActivity: totals.with_rd_activity,
  };
}
