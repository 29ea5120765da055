import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, enterpriseMonthlyOutput } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });

const WAN = 1_000_000; // 1 万元 in 分

function buildOutput(period: string, overrides: Record<string, unknown> = {}) {
  return {
    period,
    industrialOutputFen: 1_200 * WAN,
    highTechOutputFen: 450 * WAN,
    isAboveDesignatedSize: true,
    ...overrides,
  };
}

const put = (session: Session, enterpriseId: number, period: string, payload: object) =>
  suite.test.app.inject({
    method: 'PUT',
    url: `/api/enterprises/${enterpriseId}/monthly-output/${period}`,
    headers: { cookie: session.cookie },
    payload,
  });

describe('monthly output', () => {
  it('lets an enterprise file a month, staff correct it, and refuses a stale version', async () => {
    const company = await buildEnterprise(suite.test.app);
    const filed = await put(company, company.enterpriseId, '2021-03', {
      version: 0,
      output: buildOutput('2021-03'),
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ period: '2021-03', version: 1, source: 'enterprise' });

    const corrected = await put(suite.staff, company.enterpriseId, '2021-03', {
      version: 1,
      output: buildOutput('2021-03', { highTechOutputFen: 500 * WAN }),
    });
    expect(corrected.json()).toMatchObject({ version: 2, source: 'staff', highTechOutputFen: 500 * WAN });
    const stale = await put(company, company.enterpriseId, '2021-03', {
      version: 1,
      output: buildOutput('2021-03'),
    });
    expect(stale.statusCode).toBe(409);
    const refiled = await put(company, company.enterpriseId, '2021-03', {
      version: 0,
      output: buildOutput('2021-03'),
    });
    expect(refiled.statusCode).toBe(409);
    await put(company, company.enterpriseId, '2021-01', { version: 0, output: buildOutput('2021-01') });

    const list = await requestAs(
      suite.test.app,
      company,
      'GET',
      `/api/enterprises/${company.enterpriseId}/monthly-output?from=2021-02&to=2021-12`,
    );
    expect(
      list.json().items.map((item: { period: string; version: number }) => [item.period, item.version]),
    ).toEqual([['2021-03', 2]]);
    const trail = await suite.test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, `${company.enterpriseId}/2021-03`));
    expect(trail.map((entry) => entry.event)).toEqual(['monthlyOutput.file', 'monthlyOutput.correct']);
    expect((trail[1].before as { highTechOutputFen: number }).highTechOutputFen).toBe(450 * WAN);
  });

  it('refuses contradicting or malformed output with the field named, and changes no row', async () => {
    const company = await buildEnterprise(suite.test.app);
    await put(company, company.enterpriseId, '2021-05', { version: 0, output: buildOutput('2021-05') });
    const rowsBefore = await suite.test.db
      .select()
      .from(enterpriseMonthlyOutput)
      .where(eq(enterpriseMonthlyOutput.enterpriseId, company.enterpriseId));

    const details = async (period: string, payload: object) => {
      const response = await put(company, company.enterpriseId, period, payload);
      expect(response.statusCode).toBe(400);
      return response
        .json()
        .error.details.map((detail: { path: string; message: string }) => `${detail.path} ${detail.message}`);
    };
    expect(
      await details('2021-05', {
        version: 1,
        output: buildOutput('2021-05', { highTechOutputFen: 1_300 * WAN }),
      }),
    ).toEqual(['output.highTechOutputFen 高新技术产业产值不能多于工业总产值']);
    expect(
      await details('2021-05', {
        version: 1,
        output: buildOutput('2021-05', { industrialOutputFen: -5, highTechOutputFen: 0.5 }),
      }),
    ).toEqual(
      expect.arrayContaining([
        'output.industrialOutputFen 工业总产值不能为负数',
        expect.stringMatching(/^output\.highTechOutputFen 高新技术产业产值/),
      ]),
    );
    expect(await details('2021-13', { version: 0, output: buildOutput('2021-13') })).toEqual(
      expect.arrayContaining(['period 统计月份：格式不正确']),
    );
    expect(await details('2021-06', { version: 0, output: buildOutput('2021-05') })).toEqual([
      'output.period 统计月份与所填报月份不一致',
    ]);

    const rowsAfter = await suite.test.db
      .select()
      .from(enterpriseMonthlyOutput)
      .where(eq(enterpriseMonthlyOutput.enterpriseId, company.enterpriseId));
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('keeps one enterprise out of another’s output, and a leader from changing it', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const intruder = await buildEnterprise(suite.test.app);
    await put(owner, owner.enterpriseId, '2021-04', {
      version: 0,
      output: buildOutput('2021-04', { industrialOutputFen: 98_765_432, highTechOutputFen: 12_345_678 }),
    });
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['98765432', '12345678'],
      requests: [
        { method: 'GET', url: `/api/enterprises/${owner.enterpriseId}/monthly-output` },
        {
          method: 'PUT',
          url: `/api/enterprises/${owner.enterpriseId}/monthly-output/2021-04`,
          payload: { version: 1, output: buildOutput('2021-04') },
        },
        {
          method: 'PUT',
          url: `/api/enterprises/${owner.enterpriseId}/monthly-output/2021-07`,
          payload: { version: 0, output: buildOutput('2021-07') },
        },
        { method: 'GET', url: '/api/stats/high-tech-industry?from=2021-01&to=2021-06' },
      ],
    });
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const read = await requestAs(
      suite.test.app,
      leader,
      'GET',
      `/api/enterprises/${owner.enterpriseId}/monthly-output`,
    );
    expect(read.json().items).toHaveLength(1);
    expect(
      (await put(leader, owner.enterpriseId, '2021-04', { version: 1, output: buildOutput('2021-04') }))
        .statusCode,
    ).toBe(403);
    const [row] = await suite.test.db
      .select()
      .from(enterpriseMonthlyOutput)
      .where(eq(enterpriseMonthlyOutput.enterpriseId, owner.enterpriseId));
    expect(row).toMatchObject({ version: 1, industrialOutputFen: 98_765_432 });
  });
});
