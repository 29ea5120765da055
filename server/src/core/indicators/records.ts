import type { DateRange } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The record query of an indicator over a table of enterprise records: `from` names the table as
 * `r0` (joins allowed), the enterprise is joined as `e` for the street and industry breakdowns.
 * Every fragment is SQL text of the module's own tables; the period's dates are bound parameters.
 * The enterprise is a left join on its key, so PostgreSQL drops it from a figure that reads none of
 * its columns (a count or a sum) and joins it only for breakdowns and the records' list.
 */
export function enterpriseRecords(options: {
  from: string;
  id?: string;
  label: string;
  onDate: string;
  amountFen?: string;
  category?: string;
  enterpriseId?: string;
  where?: SQL;
}): SQL {
  const column = (text: string | undefined, fallback: string) => sql.raw(text ?? fallback);
  // The record's own enterprise column, not the joined key, so a distinct count needs no join.
  const enterpriseId = column(options.enterpriseId, 'r0.enterprise_id');
  return sql`select ${column(options.id, 'r0.id')} as id, ${sql.raw(options.label)} as label,
      ${enterpriseId} as enterprise_id, e.name as enterprise_name, ${sql.raw(options.onDate)} as on_date,
      ${column(options.amountFen, 'null::bigint')} as amount_fen, e.street as street, e.industry as industry,
      ${column(options.category, 'null::text')} as category
    from ${sql.raw(options.from)}
    left join enterprises e on e.id = ${enterpriseId}
    where ${options.where ?? sql`true`}`;
}

/** `column` within the period, both ends included. */
export function within(column: string, range: DateRange): SQL {
  return sql`${sql.raw(column)} between ${range.from}::date and ${range.to}::date`;
}

export const enterprisePath = (row: { enterpriseId: number | null }) =>
  row.enterpriseId === null ? null : `/bureau/enterprises/${row.enterpriseId}`;
