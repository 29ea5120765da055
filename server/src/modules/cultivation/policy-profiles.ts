import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection';

/** What the cultivation registers say about one enterprise for a year, as policy matching reads it. */
export interface CultivationStanding {
  'techSme.registered': boolean;
  'techSme.firstYear': number | null;
  'hte.valid': boolean;
  'hte.firstYear': number | null;
  'hte.latestYear': number | null;
  'figures.employees'?: number;
  'figures.sciTechStaff'?: number;
  'figures.revenue'?: number;
  'figures.rdExpense'?: number;
  'figures.rdExpensePrev'?: number;
  'figures.rdIncrease'?: number;
  'figures.rdRatio'?: number;
  'figures.aboveDesignatedSize'?: boolean;
}

/**
 * The 科技型中小企业 / 高企 standing and the yearly figures (the year and the one before) of the
 * enterprises `scope` selects (a condition on `enterprises e`), in one statement: a figure not held
 * is left out, so the evaluator reports it as missing rather than as zero.
 */
export async function readCultivationStanding(
  executor: Executor,
  options: { year: number; scope: SQL },
): Promise<Map<number, CultivationStanding>> {
  const yearEnd = `${options.year}-12-31`;
  const rows = await queryRows<{
    id: number;
    sme_this_year: boolean;
    sme_first: number | null;
    hte_valid: boolean;
    hte_first: number | null;
    hte_latest: number | null;
    employees: number | null;
    sci_tech_staff: number | null;
    revenue_fen: string | number | null;
    rd_fen: string | number | null;
    rd_prev_fen: string | number | null;
    above: boolean | null;
  }>(
    executor,
    sql`select e.id,
              exists (select 1 from tech_sme_registrations s where s.enterprise_id = e.id and s.year = ${options.year}) as sme_this_year,
              (select min(s.year) from tech_sme_registrations s where s.enterprise_id = e.id and s.year <= ${options.year}) as sme_first,
              exists (select 1 from high_tech_certificates h where h.enterprise_id = e.id and h.issued_on <= ${yearEnd} and h.expires_on >= ${yearEnd}) as hte_valid,
              (select min(extract(year from h.issued_on))::int from high_tech_certificates h where h.enterprise_id = e.id and h.issued_on <= ${yearEnd}) as hte_first,
              (select max(extract(year from h.issued_on))::int from high_tech_certificates h where h.enterprise_id = e.id and h.issued_on <= ${yearEnd}) as hte_latest,
              f.employees, f.sci_tech_staff, f.revenue_fen, f.rd_expense_fen as rd_fen, p.rd_expense_fen as rd_prev_fen,
              f.is_above_designated_size as above
         from enterprises e
         left join enterprise_year_figures f on f.enterprise_id = e.id and f.year = ${options.year}
         left join enterprise_year_figures p on p.enterprise_id = e.id and p.year = ${options.year - 1}
        where ${options.scope}`,
  );
  const result = new Map<number, CultivationStanding>();
  for (const row of rows) {
    const standing: CultivationStanding = {
      'techSme.registered': row.sme_this_year,
      'techSme.firstYear': row.sme_first === null ? null : Number(row.sme_first),
      'hte.valid': row.hte_valid,
      'hte.firstYear': row.hte_first === null ? null : Number(row.hte_first),
      'hte.latestYear': row.hte_latest === null ? null : Number(row.hte_latest),
    };
    if (row.employees !== null) {
      const revenue = Number(row.revenue_fen);
      const rd = Number(row.rd_fen);
      standing['figures.employees'] = Number(row.employees);
      standing['figures.sciTechStaff'] = Number(row.sci_tech_staff);
      standing['figures.revenue'] = revenue;
      standing['figures.rdExpense'] = rd;
      standing['figures.aboveDesignatedSize'] = Boolean(row.above);
      if (revenue > 0) standing['figures.rdRatio'] = Math.round((rd / revenue) * 10_000) / 100;
    }
    if (row.rd_prev_fen !== null) {
      standing['figures.rdExpensePrev'] = Number(row.rd_prev_fen);
      if (row.rd_fen !== null) standing['figures.rdIncrease'] = Number(row.rd_fen) - Number(row.rd_prev_fen);
    }
    result.set(Number(row.id), standing);
  }
  return result;
}
