import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `techBuyerRegionOf` (domain) as a SQL expression, so the statistics group by it and the contract
 * list filters by it with the same answer: unknown, district, abroad (not 11–65), province, domestic.
 * The district code is written into the text (checked to be six digits): a GROUP BY must repeat the
 * selected expression exactly, which bound parameters, numbered anew, would not.
 */
export function buyerRegionSql(column: AnyColumn | SQL, districtCode: string): SQL<string> {
  const code = /^\d{6}$/.test(districtCode) ? districtCode : '000000';
  const district = sql.raw(`'${code}'`);
  const province = sql.raw(`'${code.slice(0, 2)}'`);
  return sql<string>`(case
    when ${column} !~ '^[0-9]{4}([0-9]{2})?$' then 'unknown'
    when ${column} = ${district} then 'district'
    when substr(${column}, 1, 2)::int not between 11 and 65 then 'abroad'
    when substr(${column}, 1, 2) = ${province} then 'province'
    else 'domestic'
  end)`;
}
