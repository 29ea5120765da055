import { enterpriseYearFiguresSchema, isValidUscc } from '@kechuang/domain';
import { and, count, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection';
import {
  enterprises,
  enterpriseYearFigures,
  highTechCertificates,
  hteApplications,
  hteBatches,
  planProjectFundRecoveries,
  planProjectProgressReports,
  planProjects,
  techSmeRegistrations,
} from '../db/schema';
import { logIn, TEST_PASSWORD } from '../test/factories';
import { useDemoDistrict } from './demo-test-helpers';
import { DEMO_PASSWORD } from './rencheng';

const suite = useDemoDistrict();

describe('the demo district (任城区)', () => {
  it('has valid enterprises under region 370811', async () => {
    const rows = await suite.test.db.select({ creditCode: enterprises.creditCode }).from(enterprises);
    expect(rows.length).toBe(320);
    expect(rows.every((row) => row.creditCode.slice(2, 8) === '370811' && isValidUscc(row.creditCode))).toBe(
      true,
    );
    expect(DEMO_PASSWORD).not.toBe(TEST_PASSWORD);
  });

  it('has figures that pass the figures schema for every verified enterprise and year', async () => {
    const rows = await suite.test.db.select().from(enterpriseYearFigures);
    expect(rows.length).toBeGreaterThan(1500);
    const failures = rows.filter(
      (row) =>
        !enterpriseYearFiguresSchema.safeParse({
          year: row.year,
          employees: row.employees,
          sciTechStaff: row.sciTechStaff,
          revenueFen: row.revenueFen,
          costFen: row.costFen,
          totalAssetsFen: row.totalAssetsFen,
          netAssetsFen: row.netAssetsFen,
          liabilitiesFen: row.liabilitiesFen,
          rdExpenseFen: row.rdExpenseFen,
          rdExpenseDomesticFen: row.rdExpenseDomesticFen,
          highTechRevenueFen: row.highTechRevenueFen,
          ipClass1Count: row.ipClass1Count,
          ipClass2Count: row.ipClass2Count,
          ipSelfDevelopedCount: row.ipSelfDevelopedCount,
          conversionsCount: row.conversionsCount,
          industrialOutputFen: row.industrialOutputFen,
          isAboveDesignatedSize: row.isAboveDesignatedSize,
        }).success,
    );
    expect(failures).toEqual([]);
  });

  it('has the seed’s 高企 batches: two in 2020 with 21 recognised, four in 2021 with 67 enterprises', async () => {
    const batches = await suite.test.db
      .select({ year: hteBatches.year, total: count() })
      .from(hteBatches)
      .groupBy(hteBatches.year)
      .orderBy(hteBatches.year);
    expect(batches).toEqual([
      { year: 2020, total: 2 },
      { year: 2021, total: 4 },
    ]);
    const [{ recognised }] = await suite.test.db
      .select({ recognised: count() })
      .from(hteApplications)
      .where(and(eq(hteApplications.year, 2020), eq(hteApplications.status, 'recognised')));
    expect(recognised).toBe(21);
    const [{ enterprises2021 }] = await suite.test.db
      .select({ enterprises2021: sql<number>`count(distinct ${hteApplications.enterpriseId})::int` })
      .from(hteApplications)
      .where(eq(hteApplications.year, 2021));
    expect(enterprises2021).toBe(67);
  });

  it('has the seed’s registers: 68 科技型中小企业 in 2020, 92 in 2021, 64 valid 高企 at the end of 2020', async () => {
    const registrations = await suite.test.db
      .select({ year: techSmeRegistrations.year, total: count() })
      .from(techSmeRegistrations)
      .groupBy(techSmeRegistrations.year)
      .orderBy(techSmeRegistrations.year);
    expect(registrations).toEqual([
      { year: 2020, total: 68 },
      { year: 2021, total: 92 },
    ]);
    const [{ valid }] = await suite.test.db
      .select({ valid: sql<number>`count(distinct ${highTechCertificates.enterpriseId})::int` })
      .from(highTechCertificates)
      .where(
        and(
          lte(highTechCertificates.issuedOn, '2020-12-31'),
          gt(highTechCertificates.expiresOn, '2020-12-31'),
        ),
      );
    expect(valid).toBe(64);
    const [{ issued2020 }] = await suite.test.db
      .select({ issued2020: count() })
      .from(highTechCertificates)
      .where(
        and(
          gte(highTechCertificates.issuedOn, '2020-01-01'),
          lte(highTechCertificates.issuedOn, '2020-12-31'),
        ),
      );
    expect(issued2020).toBe(21);
  });
});

describe('the demo expert pool and review rounds', () => {
  it('has a few hundred experts, real conflicts with applicants, a finished round and open invitations for expert01', async () => {
    const [{ experts: expertCount }] = await queryRows<{ experts: number }>(
      suite.test.db,
      sql`select count(*)::int as experts from experts`,
    );
    expect(expertCount).toBeGreaterThanOrEqual(300);
    const staff = await logIn(suite.test.app, 'staff01', DEMO_PASSWORD);
    const rounds = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/reviews/rounds',
        headers: { cookie: staff.cookie },
      })
    ).json().items as { id: number; status: string }[];
    expect(rounds.map((round) => round.status).sort()).toEqual(['finished', 'released']);
    const open = rounds.find((round) => round.status === 'released')!;
    const conflicts = (
      await suite.test.app.inject({
        method: 'GET',
        url: `/api/reviews/rounds/${open.id}/conflicts`,
        headers: { cookie: staff.cookie },
      })
    ).json().pairs as { conflicts: { type: string }[] }[];
    const types = new Set(conflicts.flatMap((pair) => pair.conflicts.map((conflict) => conflict.type)));
    expect(types.has('institutional')).toBe(true);
    expect(types.size).toBeGreaterThanOrEqual(3);
    const [{ reviewed }] = await queryRows<{ reviewed: number }>(
      suite.test.db,
      sql`select count(*)::int as reviewed from project_applications a
          join review_items i on i.subject_id = a.id and i.subject_type = 'project-application'
          join review_rounds r on r.id = i.round_id
          where r.status = 'finished' and a.status = 'reviewed' and a.review_rank is not null`,
    );
    expect(reviewed).toBe(18);
    const expert = await logIn(suite.test.app, 'expert01', DEMO_PASSWORD);
    const mine = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/expert/assignments',
        headers: { cookie: expert.cookie },
      })
    ).json().items as { status: string }[];
    expect(mine.filter((assignment) => assignment.status === 'invited').length).toBeGreaterThanOrEqual(1);
  });
});

describe('plan project supervision in the demo district', () => {
  it('has 2019–2021 projects in every supervision state, with on-time and overdue reports', async () => {
    const rows = await suite.test.db.select({ status: planProjects.status }).from(planProjects);
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of [
      'inProgress',
      'suspended',
      'rectifying',
      'reconsidering',
      'accepted',
      'closedWithoutPass',
      'failed',
      'terminated',
      'revoked',
      'archived',
    ])
      expect(statuses, status).toContain(status);
    const reports = await suite.test.db
      .select({ status: planProjectProgressReports.status, dueOn: planProjectProgressReports.dueOn })
      .from(planProjectProgressReports);
    const today = new Date().toISOString().slice(0, 10);
    expect(reports.some((report) => report.status === 'pending' && report.dueOn < today)).toBe(true);
    expect(reports.some((report) => report.status === 'accepted')).toBe(true);
    const recoveries = await suite.test.db.select().from(planProjectFundRecoveries);
    expect(recoveries.map((row) => row.kind).sort()).toEqual(['revoke', 'terminate']);
  });
});
