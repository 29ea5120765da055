import {
  addWorkingDays,
  type CalendarWarning,
  chinaToday,
  firstWorkingDayOnOrAfter,
  MissingWorkCalendarError,
} from '@kechuang/domain';
import { and, asc, gte, isNull, sql } from 'drizzle-orm';
import { publicityNotices, workCalendars } from '../../db/schema';
import type { Executor } from '../../db/types';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { loadWorkCalendar, today } from './work-calendar';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Deadlines counted in working days that are still running: 公示 not yet established and not ended. */
async function openNotices(executor: Executor, asOf: string) {
  return executor
    .select()
    .from(publicityNotices)
    .where(and(isNull(publicityNotices.establishedAt), gte(publicityNotices.endOn, asOf)))
    .orderBy(asc(publicityNotices.id));
}

/**
 * After the calendar of `years` changed: recounts the open 公示 periods that run through those
 * years. A period already begun keeps its start; one not begun starts again from its publication
 * day. Ended or established notices keep their dates. Each change is audited.
 */
export async function recomputeOpenDeadlines(
  executor: Executor,
  years: number[],
  context: RequestContext,
): Promise<number[]> {
  const asOf = today();
  const changed: number[] = [];
  for (const notice of await openNotices(executor, asOf)) {
    const touches = years.some((year) => yearOf(notice.startOn) <= year && year <= yearOf(notice.endOn));
    if (!touches) continue;
    const published = chinaToday(notice.createdAt);
    const first = yearOf(notice.startOn <= asOf ? notice.startOn : published);
    const calendar = await loadWorkCalendar(executor, [first, first + 1, first + 2]);
    let period: { startOn: string; endOn: string };
    try {
      const startOn = notice.startOn <= asOf ? notice.startOn : firstWorkingDayOnOrAfter(published, calendar);
      period = { startOn, endOn: addWorkingDays(startOn, Math.max(notice.workingDays, 1) - 1, calendar) };
    } catch (error) {
      // The recount needs a year nobody has set: the stored dates stay and the admin home warns.
      if (error instanceof MissingWorkCalendarError) continue;
      throw error;
    }
    if (period.startOn === notice.startOn && period.endOn === notice.endOn) continue;
    await executor
      .update(publicityNotices)
      .set({ ...period, version: sql`${publicityNotices.version} + 1`, updatedAt: new Date() })
      .where(sql`${publicityNotices.id} = ${notice.id}`);
    await recordAudit(executor, context, {
      event: 'publicity.recompute',
      objectType: 'publicity_notices',
      objectId: notice.id,
      before: { startOn: notice.startOn, endOn: notice.endOn },
      after: { ...period, calendarYears: years },
    });
    changed.push(notice.id);
  }
  return changed;
}

/**
 * Years without a calendar that the bureau needs: this year and the next (any deadline counted
 * from today may run into it) and every year an open deadline runs through.
 */
export async function listCalendarWarnings(executor: Executor): Promise<CalendarWarning[]> {
  const asOf = today();
  const notices = await openNotices(executor, asOf);
  const needed = new Set([yearOf(asOf), yearOf(asOf) + 1]);
  for (const notice of notices)
    for (let year = yearOf(notice.startOn); year <= yearOf(notice.endOn); year++) needed.add(year);
  const set = new Set(
    (await executor.select({ year: workCalendars.year }).from(workCalendars)).map((row) => row.year),
  );
  return [...needed]
    .filter((year) => !set.has(year))
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      dependents: notices
        .filter((notice) => yearOf(notice.startOn) <= year && year <= yearOf(notice.endOn))
        .map((notice) => ({
          kind: 'publicity' as const,
          id: notice.id,
          title: notice.title,
          startOn: notice.startOn,
          endOn: notice.endOn,
        })),
    }));
}
