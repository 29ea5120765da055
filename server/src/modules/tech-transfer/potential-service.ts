import type { TechPotentialEnterprise, TechPotentialQuery } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/connection';
import { enterprises, enterpriseYearFigures, techContracts, techGuidanceVisits } from '../../db/schema';

type PotentialFilters = Omit<TechPotentialQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

const ORDER: Record<NonNullable<TechPotentialQuery['sort']>, SQL> = {
  rdExpenseFen: sql`figures.rd_expense_fen`,
  patents: sql`figures.ip_class1_count + figures.ip_class2_count`,
  name: sql`e.name`,
};

/**
 * 挖掘潜力: enterprises whose figures of the year (or, not yet filed, of the year before) show R&D
 * spending or patents, but which have no contract registered in the year — where the guidance
 * team should go. With the contracts they registered before and the team's visits this year.
 */
function potentialQuery(query: PotentialFilters, select: SQL, tail: SQL): SQL {
  const conditions: SQL[] = [
    sql`(figures.rd_expense_fen > 0 or figures.ip_class1_count + figures.ip_class2_count > 0)`,
    sql`not exists (select 1 from ${techContracts} c where c.enterprise_id = e.id and c.status = 'registered' and extract(year from c.registered_on) = ${query.year})`,
  ];
  if (query.keyword) {
    const pattern = `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(sql`(e.name ilike ${pattern} or e.credit_code ilike ${pattern})`);
  }
  if (query.street) conditions.push(sql`e.street = ${query.street}`);
  return sql`with figures as (
      select distinct on (enterprise_id) enterprise_id, year, rd_expense_fen, ip_class1_count, ip_class2_count
      from ${enterpriseYearFigures}
      where year between ${query.year - 1} and ${query.year}
      order by enterprise_id, year desc
    )
    select ${select}
    from figures join ${enterprises} e on e.id = figures.enterprise_id
    where ${sql.join(conditions, sql` and `)} ${tail}`;
}

/** What the list shows of each enterprise, with its earlier contracts and the team's visits in `year`. */
function columns(year: number): SQL {
  return sql`e.id as "enterpriseId", e.name, e.credit_code as "creditCode", e.street, e.industry,
    figures.year as "figuresYear", figures.rd_expense_fen as "rdExpenseFen",
    figures.ip_class1_count as "ipClass1Count", figures.ip_class2_count as "ipClass2Count",
    (select max(c.registered_on)::text from ${techContracts} c
      where c.enterprise_id = e.id and c.status = 'registered') as "lastRegisteredOn",
    (select count(*)::int from ${techGuidanceVisits} v
      where v.enterprise_id = e.id and extract(year from v.visited_on) = ${year}) as visits,
    (select max(v.visited_on)::text from ${techGuidanceVisits} v where v.enterprise_id = e.id) as "lastVisitedOn"`;
}

type PotentialRow = Omit<TechPotentialEnterprise, 'rdExpenseFen'> & { rdExpenseFen: string | number };

const toItem = (row: PotentialRow): TechPotentialEnterprise => ({
  ...row,
  rdExpenseFen: Number(row.rdExpenseFen),
});

export async function listPotentialEnterprises(db: Database, query: TechPotentialQuery) {
  const direction = sql.raw(query.order === 'asc' ? 'asc' : 'desc');
  const order = ORDER[query.sort ?? 'rdExpenseFen'];
  const [rows, [count]] = await Promise.all([
    queryRows<PotentialRow>(
      db,
      potentialQuery(
        query,
        columns(query.year),
        sql`order by ${order} ${direction}, e.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
      ),
    ),
    queryRows<{ total: number }>(db, potentialQuery(query, sql`count(*)::int as total`, sql``)),
  ]);
  return { items: rows.map(toItem), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The whole list for the xlsx export, 1000 rows at a time. */
export async function* iteratePotentialEnterprises(
  db: Database,
  query: PotentialFilters,
): AsyncIterable<TechPotentialEnterprise[]> {
  for (let offset = 0; ; offset += 1000) {
    const rows = await queryRows<PotentialRow>(
      db,
      potentialQuery(
        query,
        columns(query.year),
        sql`order by figures.rd_expense_fen desc, e.id limit 1000 offset ${offset}`,
      ),
    );
    if (rows.length === 0) return;
    yield rows.map(toItem);
    if (rows.length < 1000) return;
  }
}
