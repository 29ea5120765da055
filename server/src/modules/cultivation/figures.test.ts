import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { buildYearlyFigures, WAN } from './figures-fixtures';

const suite = useTestApp({ staff: 'staff' });

const buildFigures = buildYearlyFigures;

describe('yearly figures', () => {
  it('lets an enterprise file a year, correct it with its version, and keeps the correction in the audit trail', async () => {
    const company = await buildEnterprise(suite.test.app);
    const url = `/api/enterprises/${company.enterpriseId}/figures/2021`;
    const filed = await suite.test.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: company.cookie },
      payload: { version: 0, figures: buildFigures(2021) },
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({
      year: 2021,
      version: 1,
      source: 'enterprise',
      revenueFen: 8_000 * WAN,
    });

    const corrected = await suite.test.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: suite.staff.cookie },
      payload: { version: 1, figures: buildFigures(2021, { employees: 130 }) },
    });
    expect(corrected.json()).toMatchObject({ version: 2, source: 'staff', employees: 130 });
    const stale = await suite.test.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: company.cookie },
      payload: { version: 1, figures: buildFigures(2021, { employees: 125 }) },
    });
    expect(stale.statusCode).toBe(409);
    const again = await suite.test.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: company.cookie },
      payload: { version: 0, figures: buildFigures(2021) },
    });
    expect(again.statusCode).toBe(409);

    const list = await requestAs(
      suite.test.app,
      company,
      'GET',
      `/api/enterprises/${company.enterpriseId}/figures`,
    );
    expect(
      list.json().items.map((item: { year: number; employees: number }) => [item.year, item.employees]),
    ).toEqual([[2021, 130]]);
    const trail = await suite.test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, `${company.enterpriseId}/2021`));
    expect(trail.map((entry) => entry.event)).toEqual(['figures.file', 'figures.correct']);
    expect((trail[1].before as { employees: number }).employees).toBe(120);
    expect((trail[1].after as { employees: number }).employees).toBe(130);
  });

  it('refuses contradicting figures with the field named, and saves nothing', async () => {
    const company = await buildEnterprise(suite.test.app);
    const url = `/api/enterprises/${company.enterpriseId}/figures/2021`;
    const response = await suite.test.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: company.cookie },
      payload: {
        version: 0,
        figures: buildFigures(2021, { sciTechStaff: 200, rdExpenseDomesticFen: 500 * WAN, costFen: -1 }),
      },
    });
    expect(response.statusCode).toBe(400);
    const messages = response
      .json()
      .error.details.map((detail: { path: string; message: string }) => `${detail.path} ${detail.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'figures.sciTechStaff 科技人员数不能多于职工总数',
        'figures.rdExpenseDomesticFen 境内研发费用不能多于研发费用总额',
        'figures.costFen 成本费用支出总额不能为负数',
      ]),
    );
    const mismatch = await requestAs(
      suite.test.app,
      company,
      'PUT',
      `/api/enterprises/${company.enterpriseId}/figures/2020`,
      { version: 0, figures: buildFigures(2021) },
    );
    expect(mismatch.statusCode).toBe(400);
    const list = await requestAs(
      suite.test.app,
      company,
      'GET',
      `/api/enterprises/${company.enterpriseId}/figures`,
    );
    expect(list.json().items).toEqual([]);
  });

  it('keeps one enterprise out of another’s figures', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const intruder = await buildEnterprise(suite.test.app);
    await requestAs(suite.test.app, owner, 'PUT', `/api/enterprises/${owner.enterpriseId}/figures/2021`, {
      version: 0,
      figures: buildFigures(2021, { employees: 987 }),
    });
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['987'],
      requests: [
        { method: 'GET', url: `/api/enterprises/${owner.enterpriseId}/figures` },
        {
          method: 'PUT',
          url: `/api/enterprises/${owner.enterpriseId}/figures/2021`,
          payload: { version: 1, figures: buildFigures(2021) },
        },
        {
          method: 'PUT',
          url: `/api/enterprises/${owner.enterpriseId}/figures/2022`,
          payload: { version: 0, figures: buildFigures(2022) },
        },
      ],
    });
  });
});
