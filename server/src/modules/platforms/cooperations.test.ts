import type { Cooperation } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

describe('对接高校: the register of cooperation with universities and institutes', () => {
  it('records a branch landed with its enterprise, counts partners once, edits with its version, and exports', async () => {
    const enterprise = await buildEnterprise(suite.test.app);
    const input = {
      partnerName: '北京理工测试大学',
      partnerKind: 'university',
      form: 'branch',
      title: '北京理工测试大学任城创新研究院',
      signedOn: '2019-03-08',
      endedOn: null,
      enterpriseId: enterprise.enterpriseId,
      platformId: null,
      street: '古槐街道',
      contactName: '陈老师',
      contactPhone: '13905370009',
      note: '',
    };
    const created = await call(suite.staff, 'POST', '/api/platforms/cooperations', input);
    expect(created.statusCode, created.body).toBe(201);
    const cooperation = created.json() as Cooperation;
    expect(cooperation.enterpriseName).not.toBeNull();
    await call(suite.staff, 'POST', '/api/platforms/cooperations', {
      ...input,
      form: 'agreement',
      title: '第二项合作',
      signedOn: '2019-08-01',
    });
    const page = (
      await call(
        suite.leader,
        'GET',
        `/api/platforms/cooperations?keyword=${encodeURIComponent('北京理工测试')}`,
      )
    ).json();
    expect(page).toMatchObject({ total: 2, partners: 1, branches: 1 });

    const ended = await call(suite.staff, 'PUT', `/api/platforms/cooperations/${cooperation.id}`, {
      ...input,
      endedOn: '2019-01-01',
      version: 1,
    });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().error.details[0]).toMatchObject({ path: 'endedOn' });
    expect(ended.json().error.details[0].message).toContain('终止日期');
    const future = await call(suite.staff, 'POST', '/api/platforms/cooperations', {
      ...input,
      signedOn: '2999-01-01',
    });
    expect(future.json().error.details[0].message).toContain('签约（落地）日期');
    const unknown = await call(suite.staff, 'POST', '/api/platforms/cooperations', {
      ...input,
      enterpriseId: 2_000_000_000,
    });
    expect(unknown.json().error.details[0].path).toBe('enterpriseId');

    const saved = await call(suite.staff, 'PUT', `/api/platforms/cooperations/${cooperation.id}`, {
      ...input,
      endedOn: '2020-12-31',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await call(suite.staff, 'PUT', `/api/platforms/cooperations/${cooperation.id}`, {
      ...input,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(suite.staff, 'GET', `/api/platforms/cooperations/${cooperation.id}`)).json().endedOn,
    ).toBe('2020-12-31');
    expect((await call(enterprise, 'GET', '/api/platforms/cooperations')).statusCode).toBe(403);
    const exported = await call(suite.leader, 'GET', '/api/platforms/cooperations/export?year=2019');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
