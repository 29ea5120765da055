import type {
  ServiceCampaign,
  ServiceDepartment,
  ServiceProblemDetail,
  ServiceStatistics,
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { serviceEventSignups, serviceEvents, serviceEventTypes, serviceProblems } from '../../db/schema';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });
const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

/** Events held in 2025 and 2026 with sign-ups, a walk-in, check-ins and feedback, written directly. */
async function buildEvents(enterpriseIds: number[]) {
  const db = suite.test.db;
  const types = await db.select().from(serviceEventTypes).orderBy(serviceEventTypes.sortOrder);
  const [training, qa] = types;
  const event = async (typeId: number, heldOn: string) => {
    const [row] = await db
      .insert(serviceEvents)
      .values({
        typeId,
        title: `活动 ${heldOn}`,
        topic: '研发费用加计扣除',
        heldOn,
        startTime: '09:00',
        place: '区科技局会议室',
        capacity: 50,
        signupDeadline: heldOn,
        audience: 'all',
      })
      .returning({ id: serviceEvents.id });
    return row.id;
  };
  let code = 0;
  const signup = (
    eventId: number,
    values: {
      enterpriseId: number | null;
      people: number;
      walkIn?: boolean;
      checkedIn: boolean;
      satisfaction?: number;
    },
  ) => {
    code += 1;
    return db.insert(serviceEventSignups).values({
      eventId,
      enterpriseId: values.enterpriseId,
      organisation: '测试单位',
      attendees: [{ name: '张三', phone: '13800000000' }],
      people: values.people,
      code: `STAT${String(code).padStart(4, '0')}`,
      walkIn: values.walkIn ?? false,
      checkedInAt: values.checkedIn ? new Date() : null,
      satisfaction: values.satisfaction ?? null,
    });
  };
  const first = await event(training.id, '2025-03-10');
  const second = await event(training.id, '2025-05-10');
  await event(qa.id, '2026-04-01');
  await signup(first, { enterpriseId: enterpriseIds[0], people: 3, checkedIn: true, satisfaction: 5 });
  await signup(first, { enterpriseId: enterpriseIds[1], people: 2, checkedIn: false });
  await signup(first, { enterpriseId: null, people: 1, walkIn: true, checkedIn: true });
  await signup(second, { enterpriseId: enterpriseIds[0], people: 4, checkedIn: true, satisfaction: 4 });
  return { training, qa };
}

describe('科技服务 statistics', () => {
  it('counts events, visits and tickets from the records, by year, and exports them', async () => {
    const companies = await Promise.all([1, 2, 3].map(() => buildEnterprise(suite.test.app)));
    const { training, qa } = await buildEvents(companies.map((company) => company.enterpriseId));
    const [first, second] = (await call(suite.staff, 'GET', '/api/services/departments')).json()
      .items as ServiceDepartment[];

    const campaign = (
      await call(suite.staff, 'POST', '/api/services/campaigns', {
        name: '2026年大调研',
        slogan: '找问题、补短板、强服务、抓提升',
        startsOn: '2026-02-01',
        endsOn: '2026-11-30',
        targets: [
          { enterpriseId: companies[0].enterpriseId, kind: 'enterprise', team: '第一走访组' },
          { enterpriseId: companies[1].enterpriseId, kind: 'enterprise', team: '第一走访组' },
          { enterpriseId: companies[2].enterpriseId, kind: 'institute', team: '第二走访组' },
        ],
      })
    ).json() as ServiceCampaign;
    const visit = (enterpriseId: number, visitedOn: string, problems: object[]) =>
      call(suite.staff, 'POST', '/api/services/visits', {
        campaignId: campaign.id,
        enterpriseId,
        visitedOn,
        team: '第一走访组',
        visitors: '张科长',
        met: '王总',
        findings: '走访了解企业情况',
        suggestions: '希望加强服务',
        problems,
      });
    expect(
      (
        await visit(companies[0].enterpriseId, '2026-03-02', [
          { category: 'policy', description: '政策不清', departmentId: first.id, assignee: null },
          { category: 'land', description: '场地不足', departmentId: second.id, assignee: null },
        ])
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await visit(companies[2].enterpriseId, '2026-03-02', [
          { category: 'policy', description: '申报口径', departmentId: first.id, assignee: null },
        ])
      ).statusCode,
    ).toBe(201);
    const [onTime, late, reopened] = (
      await call(suite.staff, 'GET', `/api/services/problems?campaignId=${campaign.id}&sort=id&order=asc`)
    ).json().items as ServiceProblemDetail[];
    // Set the outcomes directly: one closed in time, one closed late after a 重办, one reopened.
    await suite.test.db
      .update(serviceProblems)
      .set({ status: 'closed', closedOn: '2026-03-07', rating: 'satisfied' })
      .where(eq(serviceProblems.id, onTime.id));
    await suite.test.db
      .update(serviceProblems)
      .set({ status: 'closed', closedOn: '2026-06-30', reopenCount: 1, rating: 'satisfied' })
      .where(eq(serviceProblems.id, late.id));
    await suite.test.db
      .update(serviceProblems)
      .set({ status: 'reopened', reopenCount: 1, rating: 'unsatisfied' })
      .where(eq(serviceProblems.id, reopened.id));

    const all = await call(suite.leader, 'GET', '/api/services/statistics');
    expect(all.statusCode, all.body).toBe(200);
    const statistics = all.json() as ServiceStatistics;
    expect(statistics.year).toBeNull();
    expect(statistics.events.totals).toEqual({
      events: 3,
      signedUp: 9,
      attended: 7,
      walkIns: 1,
      attendanceRate: 0.7778,
      satisfaction: 4.5,
      feedbacks: 2,
    });
    expect(statistics.events.byTypeAndYear).toEqual([
      {
        year: 2025,
        typeId: training.id,
        typeName: training.name,
        events: 2,
        signedUp: 9,
        attended: 7,
        walkIns: 1,
        attendanceRate: 0.7778,
        satisfaction: 4.5,
        feedbacks: 2,
      },
      {
        year: 2026,
        typeId: qa.id,
        typeName: qa.name,
        events: 1,
        signedUp: 0,
        attended: 0,
        walkIns: 0,
        attendanceRate: null,
        satisfaction: null,
        feedbacks: 0,
      },
    ]);
    expect(statistics.visits.byCampaignAndKind).toEqual([
      {
        campaignId: campaign.id,
        campaignName: '2026年大调研',
        kind: 'enterprise',
        planned: 2,
        visited: 1,
        visits: 1,
        problems: 2,
      },
      {
        campaignId: campaign.id,
        campaignName: '2026年大调研',
        kind: 'institute',
        planned: 1,
        visited: 1,
        visits: 1,
        problems: 1,
      },
    ]);
    // Days to close: 5 and 120 calendar days from 交办 (2026-03-02).
    expect(statistics.problems.totals).toEqual({
      total: 3,
      closed: 2,
      closedOnTime: 1,
      onTimeRate: 0.5,
      averageDaysToClose: 62.5,
      reopened: 2,
      reopenRate: 0.6667,
    });
    expect(
      statistics.problems.byCategory.map((row) => [
        row.category,
        row.total,
        row.closedOnTime,
        row.onTimeRate,
      ]),
    ).toEqual([
      ['land', 1, 0, 0],
      ['policy', 2, 1, 1],
    ]);
    expect(
      statistics.problems.byDepartment.map((row) => [row.departmentId, row.total, row.reopenRate]),
    ).toEqual([
      [first.id, 2, 0.5],
      [second.id, 1, 1],
    ]);
    expect(statistics.problems.byStatus.map((row) => [row.status, row.total])).toEqual([
      ['closed', 2],
      ['reopened', 1],
    ]);

    // One year: the 2025 events only; the 2026 campaign and tickets are outside it.
    const of2025 = (
      await call(suite.staff, 'GET', '/api/services/statistics?year=2025')
    ).json() as ServiceStatistics;
    expect(of2025.events.totals.events).toBe(2);
    expect(of2025.visits.byCampaignAndKind).toEqual([]);
    expect(of2025.problems.totals).toMatchObject({ total: 0, onTimeRate: null, reopenRate: null });
    const badYear = await call(suite.staff, 'GET', '/api/services/statistics?year=abc');
    expect(badYear.statusCode).toBe(400);

    const exported = await call(suite.staff, 'GET', '/api/services/statistics/export');
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = (book.worksheets[0].getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((row) => Array.from(row.slice(1), (cell) => cell ?? ''));
    expect(rows[0].slice(0, 3)).toEqual(['统计维度', '项目', '数量（场次/次/件）']);
    expect(rows.find((row) => row[0] === '问题合计')).toEqual([
      '问题合计',
      '全部问题',
      3,
      '',
      '',
      '',
      '',
      '',
      '',
      2,
      '50.0%',
      62.5,
      '66.7%',
    ]);
    expect(rows.find((row) => row[0] === '活动（按类型和年度）')?.slice(1, 7)).toEqual([
      `2025年 ${training.name}`,
      2,
      9,
      7,
      '77.8%',
      4.5,
    ]);
  });
});
