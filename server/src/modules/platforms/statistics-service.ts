import type { PlatformLevel, PlatformStatistics, PlatformStatisticsLine } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { queryRows } from '../../db/connection';
import { listPlatformTypes } from './types-service';

const noCounts = () => ({ national: 0, provincial: 0, city: 0, district: 0 });

/**
 * The year's platforms by type × level: in force at 31 December (the level then held, revoked and
 * delisted ones left out: the rule of the dashboard's indicators), recognised in the year by level,
 * upgraded and ended in the year.
 */
export async function readPlatformStatistics(db: Database, year: number): Promise<PlatformStatistics> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [inForce, steps, ended, types] = await Promise.all([
    queryRows<{ type_id: number; level: PlatformLevel; total: number }>(
      db,
      sql`select p.type_id, lv.level, count(*)::int as total
        from platforms p
        cross join lateral (
          select h.level from platform_level_history h
          where h.platform_id = p.id and h.recognized_on <= ${to}::date
          order by h.recognized_on desc, h.id desc limit 1) lv
        where p.ended_on is null or p.ended_on > ${to}::date
        group by 1, 2`,
    ),
    queryRows<{ type_id: number; level: PlatformLevel; kind: string; total: number }>(
      db,
      sql`select p.type_id, h.level, h.kind, count(*)::int as total
        from platform_level_history h join platforms p on p.id = h.platform_id
        where h.recognized_on between ${from}::date and ${to}::date
        group by 1, 2, 3`,
    ),
    queryRows<{ type_id: number; total: number }>(
      db,
      sql`select type_id, count(*)::int as total from platforms
        where ended_on between ${from}::date and ${to}::date group by 1`,
    ),
    listPlatformTypes(db),
  ]);
  const lines = new Map<number, PlatformStatisticsLine>(
    types.map((type) => [
      type.id,
      {
        typeId: type.id,
        typeName: type.name,
        inForce: noCounts(),
        recognised: noCounts(),
        upgraded: 0,
        ended: 0,
      },
    ]),
  );
  const total: PlatformStatisticsLine = {
    typeId: null,
    typeName: '合计',
    inForce: noCounts(),
    recognised: noCounts(),
    upgraded: 0,
    ended: 0,
  };
  const lineOf = (typeId: number) => lines.get(typeId) ?? total;
  for (const row of inForce) {
    lineOf(row.type_id).inForce[row.level] += row.total;
    total.inForce[row.level] += row.total;
  }
  for (const row of steps) {
    if (row.kind === 'recognition') {
      lineOf(row.type_id).recognised[row.level] += row.total;
      total.recognised[row.level] += row.total;
    } else {
      lineOf(row.type_id).upgraded += row.total;
      total.upgraded += row.total;
    }
  }
  for (const row of ended) {
    lineOf(row.type_id).ended += row.total;
    total.ended += row.total;
  }
  return { year, lines: [...lines.values()], total };
}
