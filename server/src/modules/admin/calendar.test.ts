import { addWorkingDays, computePublicityPeriod } from '@kechuang/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillOfficialCalendars, readOfficialCalendars } from '../../core/calendar/official-calendar';
import {
  countWorkingDays,
  loadWorkCalendar,
  WorkCalendarMissingError,
} from '../../core/calendar/work-calendar';
import { auditLog, publicityNotices, workCalendars } from '../../db/schema';
import { buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { buildApprovalCall } from '../projects/plan-approval-fixtures';

let test: TestApp;
let sysadmin: Session;
let callId: number;
beforeAll(async () => {
  test = await createTestApp();
  sysadmin = await buildSession(test.app, test.db, 'sysadmin');
  callId = await buildApprovalCall(test.db, { title: '工作日历测试申报通知' });
});
afterAll(() => test.close());
const pinnedToday = process.env.KECHUANG_TODAY;
afterEach(() => {
  if (pinnedToday === undefined) delete process.env.KECHUANG_TODAY;
  else process.env.KECHUANG_TODAY = pinnedToday;
});

const calendarOf = async (year: number) =>
  (
    await test.app.inject({
      method: 'GET',
      url: `/api/admin/calendar/${year}`,
      headers: { cookie: sysadmin.cookie },
    })
  ).json();
const saveCalendar = (year: number, payload: object) =>
  test.app.inject({
    method: 'PUT',
    url: `/api/admin/calendar/${year}`,
    headers: { cookie: sysadmin.cookie },
    payload,
  });

async function insertNotice(values: {
  startOn: string;
  endOn: string;
  workingDays: number;
  publishedOn: string;
}) {
  const [notice] = await test.db
    .insert(publicityNotices)
    .values({
      callId,
      title: `拟立项项目公示 ${values.startOn}`,
      startOn: values.startOn,
      endOn: values.endOn,
      workingDays: values.workingDays,
      createdAt: new Date(`${values.publishedOn}T09:00:00+08:00`),
    })
    .returning();
  return notice;
}

describe('official calendar from the chinese-days package', () => {
  it('is filled at migration for every year from 2020, recording the package version, and a refill changes nothing', async () => {
    const official = readOfficialCalendars();
    expect(official.source).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
    const rows = await test.db.select().from(workCalendars);
    const years = rows.map((row) => row.year).sort();
    expect(years.slice(0, 7)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(rows.every((row) => row.officialSource === official.source && !row.isOverridden)).toBe(true);
    // 2020's Spring Festival was extended to 2 February by the State Council.
    expect(rows.find((row) => row.year === 2020)?.holidays).toContain('2020-02-02');
    expect(await fillOfficialCalendars(test.db, official)).toEqual({ filled: [], changed: [] });
  });

  it('counts 2020 working days across Spring Festival, Labour Day, Mid-Autumn and National Day with 调休 weekends', async () => {
    const calendar = await loadWorkCalendar(test.db, [2020, 2021]);
    expect(addWorkingDays('2020-01-17', 1, calendar)).toBe('2020-01-19'); // make-up Sunday
    expect(addWorkingDays('2020-01-23', 1, calendar)).toBe('2020-02-03'); // extended Spring Festival
    expect(addWorkingDays('2020-04-24', 1, calendar)).toBe('2020-04-26'); // make-up Sunday
    expect(addWorkingDays('2020-04-30', 1, calendar)).toBe('2020-05-06');
    expect(addWorkingDays('2020-05-08', 1, calendar)).toBe('2020-05-09'); // make-up Saturday
    expect(addWorkingDays('2020-09-25', 1, calendar)).toBe('2020-09-27'); // make-up Sunday
    expect(addWorkingDays('2020-09-30', 1, calendar)).toBe('2020-10-09'); // Mid-Autumn with National Day
    expect(addWorkingDays('2020-10-09', 1, calendar)).toBe('2020-10-10'); // make-up Saturday
    expect(computePublicityPeriod('2020-01-22', 5, calendar)).toEqual({
      startOn: '2020-01-22',
      endOn: '2020-02-05',
    });
    expect(computePublicityPeriod('2020-12-30', 5, calendar)).toEqual({
      startOn: '2020-12-30',
      endOn: '2021-01-06',
    });
  });

  it('counts 2021 working days across the same holidays', async () => {
    const calendar = await loadWorkCalendar(test.db, [2021]);
    expect(addWorkingDays('2021-02-05', 1, calendar)).toBe('2021-02-07'); // make-up Sunday
    expect(addWorkingDays('2021-02-10', 1, calendar)).toBe('2021-02-18');
    expect(addWorkingDays('2021-02-18', 2, calendar)).toBe('2021-02-20'); // make-up Saturday
    expect(addWorkingDays('2021-04-23', 1, calendar)).toBe('2021-04-25');
    expect(addWorkingDays('2021-04-30', 1, calendar)).toBe('2021-05-06');
    expect(addWorkingDays('2021-05-07', 1, calendar)).toBe('2021-05-08');
    expect(addWorkingDays('2021-09-17', 1, calendar)).toBe('2021-09-18'); // make-up Saturday before Mid-Autumn
    expect(addWorkingDays('2021-09-18', 1, calendar)).toBe('2021-09-22');
    expect(addWorkingDays('2021-09-24', 1, calendar)).toBe('2021-09-26');
    expect(addWorkingDays('2021-09-30', 1, calendar)).toBe('2021-10-08');
    expect(addWorkingDays('2021-10-08', 1, calendar)).toBe('2021-10-09');
  });

  it('refuses a count into a year without a calendar, naming the year', async () => {
    const calendar = await loadWorkCalendar(test.db, [2026, 2027]);
    expect(calendar.years).not.toContain(2027);
    // A 公示 inside 2026 needs no 2027 calendar.
    expect(countWorkingDays(() => computePublicityPeriod('2026-12-21', 5, calendar)).endOn).toBe(
      '2026-12-25',
    );
    let refusal: unknown;
    try {
      countWorkingDays(() => computePublicityPeriod('2026-12-28', 7, calendar));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkCalendarMissingError);
    expect((refusal as WorkCalendarMissingError).year).toBe(2027);
    expect((refusal as WorkCalendarMissingError).messageIn('zh-CN')).toContain(
      '2027 年工作日历尚未发布或未设置',
    );
    expect((refusal as WorkCalendarMissingError).messageIn('en')).toContain('2027');
  });
});

describe("the administrator's calendar", () => {
  it('wins over the package, also when an updated package refills; other years take the update, audited', async () => {
    const before2024 = await calendarOf(2024);
    const edited = await saveCalendar(2024, {
      holidays: [...before2024.holidays, '2024-07-01'],
      workdays: before2024.workdays,
      version: before2024.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ isOverridden: true, version: before2024.version + 1 });

    const official = readOfficialCalendars();
    const updated2023 = official.years.get(2023)!;
    const update = {
      source: 'chinese-days@99.0.0',
      years: new Map([
        [2023, { holidays: [...updated2023.holidays, '2023-07-03'].sort(), workdays: updated2023.workdays }],
        [2024, official.years.get(2024)!],
      ]),
    };
    const before2023 = await calendarOf(2023);
    expect(await fillOfficialCalendars(test.db, update)).toEqual({ filled: [2023, 2024], changed: [2023] });

    const after2024 = await calendarOf(2024);
    expect(after2024.holidays).toContain('2024-07-01');
    expect(after2024).toMatchObject({ isOverridden: true, officialSource: 'chinese-days@99.0.0' });
    expect(after2024.officialHolidays).not.toContain('2024-07-01');
    const calendar2024 = await loadWorkCalendar(test.db, [2024]);
    expect(addWorkingDays('2024-06-28', 1, calendar2024)).toBe('2024-07-02');

    const after2023 = await calendarOf(2023);
    expect(after2023.holidays).toContain('2023-07-03');
    expect(after2023.version).toBe(before2023.version + 1);
    const audits = await test.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.event, 'settings.calendar.official-fill'),
          eq(auditLog.objectId, 'chinese-days@99.0.0'),
        ),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ years: [2023, 2024], changedYears: [2023] });

    const restored = await test.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/2024/restore-official',
      headers: { cookie: sysadmin.cookie },
      payload: { version: after2024.version },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().holidays).not.toContain('2024-07-01');
    expect(restored.json().isOverridden).toBe(false);
  });

  it('recounts only open 公示 periods over a changed year, with an audit entry; ended and established ones keep their dates', async () => {
    process.env.KECHUANG_TODAY = '2025-06-04';
    const open = await insertNotice({
      startOn: '2025-06-09',
      endOn: '2025-06-13',
      workingDays: 5,
      publishedOn: '2025-06-07',
    });
    const running = await insertNotice({
      startOn: '2025-06-04',
      endOn: '2025-06-10',
      workingDays: 5,
      publishedOn: '2025-06-04',
    });
    const ended = await insertNotice({
      startOn: '2025-05-26',
      endOn: '2025-06-03',
      workingDays: 5,
      publishedOn: '2025-05-26',
    });
    const established = await insertNotice({
      startOn: '2025-06-09',
      endOn: '2025-06-13',
      workingDays: 5,
      publishedOn: '2025-06-07',
    });
    await test.db
      .update(publicityNotices)
      .set({ establishedAt: new Date() })
      .where(eq(publicityNotices.id, established.id));

    const current = await calendarOf(2025);
    const saved = await saveCalendar(2025, {
      holidays: [...current.holidays, '2025-06-10'],
      workdays: current.workdays,
      version: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const read = async (id: number) =>
      (await test.db.select().from(publicityNotices).where(eq(publicityNotices.id, id)))[0];
    expect(await read(open.id)).toMatchObject({ startOn: '2025-06-09', endOn: '2025-06-16' });
    expect(await read(running.id)).toMatchObject({ startOn: '2025-06-04', endOn: '2025-06-11' });
    expect(await read(ended.id)).toMatchObject({ startOn: '2025-05-26', endOn: '2025-06-03' });
    expect(await read(established.id)).toMatchObject({ startOn: '2025-06-09', endOn: '2025-06-13' });
    const audits = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'publicity.recompute'), eq(auditLog.objectId, String(open.id))));
    expect(audits[0].before).toEqual({ startOn: '2025-06-09', endOn: '2025-06-13' });
    expect(audits[0].after).toMatchObject({ endOn: '2025-06-16', calendarYears: [2025] });
  });

  it('warns on the admin home of years without a calendar, with the open dates that depend on them', async () => {
    process.env.KECHUANG_TODAY = '2026-12-07';
    const notice = await insertNotice({
      startOn: '2026-12-28',
      endOn: '2027-01-06',
      workingDays: 7,
      publishedOn: '2026-12-28',
    });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/admin/calendar-warnings',
      headers: { cookie: sysadmin.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items.map((item: { year: number }) => item.year)).toEqual([2027]);
    expect(items[0].dependents).toEqual([
      { kind: 'publicity', id: notice.id, title: notice.title, startOn: '2026-12-28', endOn: '2027-01-06' },
    ]);
  });

  it('refuses bad dates naming them, and keeps what was saved', async () => {
    const before = await calendarOf(2022);
    const both = await saveCalendar(2022, {
      holidays: ['2022-10-01', '2022-10-08'],
      workdays: ['2022-10-08'],
      version: before.version,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details).toContainEqual({
      path: 'workdays',
      message: '2022-10-08 不能同时是节假日和调休工作日',
    });
    const outside = await saveCalendar(2022, {
      holidays: ['2023-01-01'],
      workdays: [],
      version: before.version,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0]).toEqual({
      path: 'holidays.0',
      message: '2023-01-01 不在 2022 年内',
    });
    const malformed = await saveCalendar(2022, {
      holidays: ['2022-02-30'],
      workdays: [],
      version: before.version,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe('holidays.0');
    expect(await calendarOf(2022)).toEqual(before);
  });
});
