import {
  CITY_AND_ABOVE_LEVELS,
  type DateRange,
  PLATFORM_LEVEL_LABELS,
  type PlatformLevel,
} from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';

const levelList = (levels: readonly PlatformLevel[]) =>
  sql.join(
    levels.map((level) => sql`${level}`),
    sql`, `,
  );

/**
 * One row per platform (r0), its lead host as the enterprise, the platform's own street and its type
 * as the category. `onDate` and `where` are the indicator's own.
 */
function platformRecords(options: { from?: string; onDate: string; where: SQL }): SQL {
  return sql`select r0.id as id, r0.name as label, e.id as enterprise_id, e.name as enterprise_name,
      ${sql.raw(options.onDate)} as on_date, null::bigint as amount_fen, r0.street as street,
      e.industry as industry, t.name as category
    from platforms r0 ${sql.raw(options.from ?? '')}
    join platform_types t on t.id = r0.type_id
    left join platform_hosts ph on ph.platform_id = r0.id and ph.position = 0
    left join enterprises e on e.id = ph.enterprise_id
    where ${options.where}`;
}

/**
 * Platforms in force at the period's end at one of `levels`: the level is the latest line of the
 * level history on or before that day, and a platform revoked or delisted by then is left out
 * (the same rule as `levelAt` in the domain).
 */
function inForceAtEnd(levels: readonly PlatformLevel[]) {
  return (range: DateRange) =>
    platformRecords({
      onDate: 'r0.first_recognized_on',
      where: sql`(r0.ended_on is null or r0.ended_on > ${range.to}::date)
        and (select h.level from platform_level_history h
             where h.platform_id = r0.id and h.recognized_on <= ${range.to}::date
             order by h.recognized_on desc, h.id desc limit 1) in (${levelList(levels)})`,
    });
}

/** Lines of the level history of one kind dated within the period, at one of `levels`. */
function levelSteps(kind: 'recognition' | 'upgrade', levels: readonly PlatformLevel[]) {
  return (range: DateRange) =>
    platformRecords({
      from: 'join platform_level_history lh on lh.platform_id = r0.id',
      onDate: 'lh.recognized_on',
      where: sql`lh.kind = ${kind} and lh.level in (${levelList(levels)}) and ${within('lh.recognized_on', range)}`,
    });
}

const platformPath = (row: { id: number }) => `/bureau/platforms?open=${row.id}`;
const STOCK_BREAKDOWNS = ['street', 'category'] as const;

function stock(key: string, levels: readonly PlatformLevel[], name: { zh: string; en: string }): Indicator {
  return {
    key,
    section: 'platforms',
    name,
    description: {
      zh: `期末在册（在运行或警告，未撤销、摘牌）且期末级别为${levels.map((level) => PLATFORM_LEVEL_LABELS[level].zh).join('、')}的科创平台数；升级的平台按期末级别只计一次`,
      en: `${name.en} in force at the end of the period, at the level held then; an upgraded platform counts once`,
    },
    unit: '家',
    kind: 'count',
    timing: 'stock',
    breakdowns: STOCK_BREAKDOWNS,
    records: inForceAtEnd(levels),
    recordPath: platformPath,
  };
}

/** The innovation-platform figures of the seed's fourth section (科创载体). */
export const platformIndicators: readonly Indicator[] = [
  stock('platforms.city-and-above', CITY_AND_ABOVE_LEVELS, {
    zh: '市级以上科创平台数',
    en: 'Platforms at city level or above',
  }),
  stock('platforms.national', ['national'], { zh: '国家级科创平台数', en: 'National platforms' }),
  stock('platforms.provincial', ['provincial'], { zh: '省级科创平台数', en: 'Provincial platforms' }),
  stock('platforms.city', ['city'], { zh: '市级科创平台数', en: 'City platforms' }),
  {
    key: 'platforms.recognised',
    section: 'platforms',
    name: { zh: '新认定（备案）市级以上科创平台数', en: 'New platforms at city level or above' },
    description: {
      zh: '期间内首次认定或备案为市级以上的科创平台数（按认定日期；升级不计为新增），可按平台类型分解',
      en: 'Platforms first recognised at city level or above in the period (upgrades are not new)',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: STOCK_BREAKDOWNS,
    records: levelSteps('recognition', CITY_AND_ABOVE_LEVELS),
    recordPath: platformPath,
  },
  {
    key: 'platforms.upgraded',
    section: 'platforms',
    name: { zh: '升级科创平台数', en: 'Platforms upgraded' },
    description: {
      zh: '期间内由低一级升为更高级别（市级→省级→国家级）的科创平台数（按升级认定日期）',
      en: 'Platforms moved up a level in the period (by the date of the upgrade)',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: STOCK_BREAKDOWNS,
    records: levelSteps('upgrade', ['national', 'provincial', 'city']),
    recordPath: platformPath,
  },
  {
    key: 'platforms.ended',
    section: 'platforms',
    name: { zh: '撤销或摘牌科创平台数', en: 'Platforms revoked or delisted' },
    description: {
      zh: '期间内被撤销资格或摘牌的科创平台数（按生效日期）',
      en: 'Platforms whose qualification was revoked or that were delisted in the period',
    },
    unit: '家',
    kind: 'count',
    timing: 'flow',
    breakdowns: STOCK_BREAKDOWNS,
    records: (range) => platformRecords({ onDate: 'r0.ended_on', where: within('r0.ended_on', range) }),
    recordPath: platformPath,
  },
];
