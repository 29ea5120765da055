import fs from 'node:fs';
import { createRequire } from 'node:module';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { workCalendars } from '../../db/schema';
import type { Database } from '../../db/types';
import { recordAudit } from '../audit';
import { systemContext } from '../context';
import { recomputeOpenDeadlines } from './open-deadlines';

/** The first year the bureau's records need; earlier years are not loaded. */
export const FIRST_CALENDAR_YEAR = 2020;

export interface OfficialCalendars {
  /** `chinese-days@<version>`, recorded on each row so an updated package refills. */
  source: string;
  years: Map<number, { holidays: string[]; workdays: string[] }>;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The State Council's holidays and 调休 working days from the `chinese-days` package, by year. */
export function readOfficialCalendars(): OfficialCalendars {
  const require = createRequire(import.meta.url);
  const data = JSON.parse(
    fs.readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'),
  ) as ChineseDaysData;
  const { version } = JSON.parse(fs.readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as {
    version: string;
  };
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const entry = (year: number) => {
    let value = years.get(year);
    if (!value) {
      value = { holidays: [], workdays: [] };
      years.set(year, value);
    }
    return value;
  };
  for (const date of Object.keys(data.holidays)) {
    const year = Number(date.slice(0, 4));
    if (year >= FIRST_CALENDAR_YEAR) entry(year).holidays.push(date);
  }
  for (const date of Object.keys(data.workdays)) {
    const year = Number(date.slice(0, 4));
    if (year >= FIRST_CALENDAR_YEAR) entry(year).workdays.push(date);
  }
  for (const value of years.values()) {
    value.holidays.sort();
    value.workdays.sort();
  }
  return { source: `chinese-days@${version}`, years };
}

const sameDays = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((day, index) => day === b[index]);

/**
 * Fills `work_calendars` with the official calendar of every year the package has from 2020 on.
 * Idempotent: a year already filled from the same package version is left alone. A year the
 * administrator edited keeps the edit (only its official columns are refreshed); any other year
 * whose days change has its open deadlines recomputed. One audit entry per run that changed a
 * database which already had calendars.
 */
export async function fillOfficialCalendars(
  db: Database,
  official: OfficialCalendars = readOfficialCalendars(),
): Promise<{ filled: number[]; changed: number[] }> {
  const years = [...official.years.keys()].sort((a, b) => a - b);
  if (years.length === 0) return { filled: [], changed: [] };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(workCalendars)
      .where(inArray(workCalendars.year, years))
      .for('update');
    const byYear = new Map(rows.map((row) => [row.year, row]));
    const filled: number[] = [];
    const changed: number[] = [];
    for (const year of years) {
      const days = official.years.get(year)!;
      const row = byYear.get(year);
      const officialColumns = {
        officialHolidays: days.holidays,
        officialWorkdays: days.workdays,
        officialSource: official.source,
      };
      if (!row) {
        const inserted = await tx
          .insert(workCalendars)
          .values({ year, holidays: days.holidays, workdays: days.workdays, ...officialColumns })
          .onConflictDoNothing()
          .returning({ id: workCalendars.id });
        if (inserted.length) filled.push(year);
        continue;
      }
      if (row.officialSource === official.source) continue;
      const takesOfficial =
        !row.isOverridden &&
        !(sameDays(row.holidays, days.holidays) && sameDays(row.workdays, days.workdays));
      await tx
        .update(workCalendars)
        .set(
          takesOfficial
            ? {
                ...officialColumns,
                holidays: days.holidays,
                workdays: days.workdays,
                version: sql`${workCalendars.version} + 1`,
                updatedAt: new Date(),
              }
            : officialColumns,
        )
        .where(and(eq(workCalendars.year, year), eq(workCalendars.version, row.version)));
      filled.push(year);
      if (takesOfficial) changed.push(year);
    }
    const recomputed = changed.length ? await recomputeOpenDeadlines(tx, changed, systemContext) : [];
    // The first fill of a new installation replaces no calendar in force, so there is nothing to audit.
    if (filled.length && rows.length > 0)
      await recordAudit(tx, systemContext, {
        event: 'settings.calendar.official-fill',
        objectType: 'work_calendars',
        objectId: official.source,
        after: { years: filled, changedYears: changed, recomputedNotices: recomputed },
      });
    return { filled, changed };
  });
}
