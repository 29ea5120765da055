import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

describe('local tiers', () => {
  it('lets staff configure labels, assign them by year, and retire a label', async () => {
    const gazelle = await call(suite.staff, 'POST', '/api/cultivation/tier-labels', {
      code: 'gazelle',
      name: '瞪羚企业',
    });
    expect(gazelle.statusCode).toBe(201);
    const specialised = (
      await call(suite.staff, 'POST', '/api/cultivation/tier-labels', {
        code: 'specialised',
        name: '专精特新',
        sortOrder: 2,
      })
    ).json();
    const duplicate = await call(suite.staff, 'POST', '/api/cultivation/tier-labels', {
      code: 'gazelle',
      name: '重复',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].path).toBe('code');

    const company = await buildEnterprise(suite.test.app, { name: '济宁梯次科技有限公司' });
    const assign = (tierLabelId: number, year: number) =>
      call(suite.staff, 'POST', '/api/cultivation/tiers', {
        enterpriseId: company.enterpriseId,
        tierLabelId,
        year,
      });
    expect((await assign(gazelle.json().id, 2020)).statusCode).toBe(201);
    expect((await assign(gazelle.json().id, 2021)).statusCode).toBe(201);
    const specialisedAssignment = (await assign(specialised.id, 2021)).json();
    expect((await assign(gazelle.json().id, 2021)).statusCode).toBe(409);

    const in2021 = (await call(suite.staff, 'GET', '/api/cultivation/tiers?year=2021')).json();
    expect(in2021.items.map((item: { tierName: string }) => item.tierName).sort()).toEqual([
      '专精特新',
      '瞪羚企业',
    ]);
    const gazelles = (
      await call(suite.staff, 'GET', `/api/cultivation/tiers?tierLabelId=${gazelle.json().id}`)
    ).json();
    expect(gazelles.items.map((item: { year: number }) => item.year).sort()).toEqual([2020, 2021]);

    const renamed = await call(suite.staff, 'PUT', `/api/cultivation/tier-labels/${gazelle.json().id}`, {
      name: '瞪羚',
      isActive: false,
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: '瞪羚', isActive: false, version: 2 });
    const stale = await call(suite.staff, 'PUT', `/api/cultivation/tier-labels/${gazelle.json().id}`, {
      name: '瞪羚企业',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const retired = await assign(gazelle.json().id, 2022);
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.details[0]).toEqual({ path: 'tierLabelId', message: '梯次：不存在或已停用' });

    const own = (await call(company, 'GET', `/api/enterprises/${company.enterpriseId}/tiers`)).json();
    expect(own.total).toBe(3);
    expect(
      (await call(suite.staff, 'DELETE', `/api/cultivation/tiers/${specialisedAssignment.id}`)).statusCode,
    ).toBe(200);
    expect((await call(company, 'GET', `/api/enterprises/${company.enterpriseId}/tiers`)).json().total).toBe(
      2,
    );

    const intruder = await buildEnterprise(suite.test.app);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['济宁梯次科技有限公司'],
      requests: [{ method: 'GET', url: `/api/enterprises/${company.enterpriseId}/tiers` }],
    });
  });
});
