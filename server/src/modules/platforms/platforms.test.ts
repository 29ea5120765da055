import type { Platform, PlatformType } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
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

async function typeId(code: string): Promise<number> {
  const types = (await call(suite.staff, 'GET', '/api/platforms/types')).json().items as PlatformType[];
  const type = types.find((candidate) => candidate.code === code);
  if (!type) throw new Error(code);
  return type.id;
}

async function platformInput(overrides: Record<string, unknown> = {}) {
  const host = await buildEnterprise(suite.test.app);
  return {
    host,
    input: {
      name: '济宁智造重点实验室',
      typeId: await typeId('key-lab'),
      level: 'city',
      approvingBody: '济宁市科学技术局',
      documentNo: '济科字〔2019〕21号',
      recognizedOn: '2019-05-10',
      hostEnterpriseIds: [host.enterpriseId],
      field: '高端装备',
      street: '古槐街道',
      areaSquareMeters: 800,
      staffCount: 25,
      equipmentFen: 3_000_000_00,
      contactName: '王工',
      contactPhone: '0537-2345678',
      ...overrides,
    },
  };
}

const figures = async (period: string, keys: string[]) => {
  const response = await call(
    suite.leader,
    'GET',
    `/api/dashboard/figures?period=${period}&keys=${keys.join(',')}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    (response.json() as { key: string; value: number }[]).map((figure) => [figure.key, figure.value]),
  );
};

describe('the platform register', () => {
  it('registers, upgrades (one record, its level history) and revokes a platform, counted on the dashboard', async () => {
    const before = await figures('2021', ['platforms.provincial', 'platforms.upgraded', 'platforms.ended']);
    const { input, host } = await platformInput();
    const created = await call(suite.staff, 'POST', '/api/platforms', input);
    expect(created.statusCode, created.body).toBe(201);
    const platform = created.json() as Platform;
    expect(platform).toMatchObject({ status: 'operating', level: 'city', version: 1 });
    expect(platform.levelHistory).toHaveLength(1);
    expect(platform.hosts[0].enterpriseId).toBe(host.enterpriseId);

    const upgrade = (payload: object) =>
      call(suite.staff, 'POST', `/api/platforms/${platform.id}/upgrade`, payload);
    const sideways = await upgrade({
      level: 'city',
      approvingBody: '济宁市科学技术局',
      documentNo: '济科字〔2021〕3号',
      recognizedOn: '2021-03-01',
      version: 1,
    });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json().error.details[0]).toMatchObject({ path: 'level' });
    expect(sideways.json().error.details[0].message).toContain('级别');

    const upgraded = await upgrade({
      level: 'provincial',
      approvingBody: '山东省科学技术厅',
      documentNo: '鲁科字〔2021〕88号',
      recognizedOn: '2021-06-18',
      version: 1,
    });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const after = upgraded.json() as Platform;
    expect(after).toMatchObject({
      id: platform.id,
      level: 'provincial',
      version: 2,
      documentNo: '鲁科字〔2021〕88号',
    });
    expect(after.levelHistory.map((entry) => [entry.kind, entry.level])).toEqual([
      ['recognition', 'city'],
      ['upgrade', 'provincial'],
    ]);
    expect(after.firstRecognizedOn).toBe('2019-05-10');
    expect(after.statusHistory.map((entry) => entry.action)).toEqual(['register', 'upgrade']);

    const stale = await upgrade({
      level: 'national',
      approvingBody: '科学技术部',
      documentNo: '国科发〔2021〕1号',
      recognizedOn: '2021-07-01',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const during = await figures('2021', ['platforms.provincial', 'platforms.upgraded']);
    expect(during['platforms.provincial']).toBe(before['platforms.provincial'] + 1);
    expect(during['platforms.upgraded']).toBe(before['platforms.upgraded'] + 1);

    const noReason = await call(suite.staff, 'POST', `/api/platforms/${platform.id}/actions/revoke`, {
      version: 2,
      effectiveOn: '2021-10-01',
    });
    expect(noReason.statusCode).toBe(400);
    const revoked = await call(suite.staff, 'POST', `/api/platforms/${platform.id}/actions/revoke`, {
      version: 2,
      comment: '绩效评价连续两年不合格',
      effectiveOn: '2021-10-01',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', endedOn: '2021-10-01', allowedActions: [] });
    const end = await figures('2021', ['platforms.provincial', 'platforms.ended']);
    expect(end['platforms.provincial']).toBe(before['platforms.provincial']);
    expect(end['platforms.ended']).toBe(before['platforms.ended'] + 1);
    const atMidYear = await figures('2021-H1', ['platforms.provincial']);
    expect(atMidYear['platforms.provincial']).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input, naming the field in Chinese', async () => {
    const { input } = await platformInput();
    const refuse = async (overrides: Record<string, unknown>, path: string, words: string) => {
      const response = await call(suite.staff, 'POST', '/api/platforms', { ...input, ...overrides });
      expect(response.statusCode, response.body).toBe(400);
      const detail = response.json().error.details[0];
      expect(detail.path).toBe(path);
      expect(detail.message).toContain(words);
    };
    await refuse({ typeId: await typeId('university-park'), level: 'city' }, 'level', '级别');
    await refuse(
      { typeId: await typeId('talent-enclave'), level: 'national' },
      'level',
      '类型与级别的组合不存在',
    );
    await refuse({ recognizedOn: '2999-01-01' }, 'recognizedOn', '认定（备案）日期');
    await refuse({ hostEnterpriseIds: [2_000_000_000] }, 'hostEnterpriseIds', '不在企业库中');
    await refuse({ typeId: 2_000_000_000 }, 'typeId', '平台类型');
    const second = await buildEnterprise(suite.test.app);
    await refuse(
      { hostEnterpriseIds: [input.hostEnterpriseIds[0], second.enterpriseId] },
      'hostEnterpriseIds',
      '依托单位',
    );

    const community = await call(suite.staff, 'POST', '/api/platforms', {
      ...input,
      name: '任城区智能制造创新创业共同体',
      typeId: await typeId('innovation-community'),
      hostEnterpriseIds: [input.hostEnterpriseIds[0], second.enterpriseId],
    });
    expect(community.statusCode, community.body).toBe(201);
    expect(community.json().hosts).toHaveLength(2);
  });

  it('edits with the version it saw (409 when stale) and filters the list', async () => {
    const { input } = await platformInput({
      name: '筛选测试孵化器',
      typeId: await typeId('incubator'),
      street: '唐口街道',
    });
    const platform = (await call(suite.staff, 'POST', '/api/platforms', input)).json() as Platform;
    const edit = (version: number, name: string) =>
      call(suite.staff, 'PUT', `/api/platforms/${platform.id}`, {
        ...input,
        level: undefined,
        name,
        version,
      });
    const saved = await edit(1, '筛选测试科技企业孵化器');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expect((await edit(1, '过期的修改')).statusCode).toBe(409);

    const list = await call(
      suite.leader,
      'GET',
      `/api/platforms?street=唐口街道&typeId=${input.typeId}&level=city`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((item: Platform) => item.name)).toContain('筛选测试科技企业孵化器');
    expect(list.json().statusCounts.operating).toBeGreaterThanOrEqual(1);
    expect((await call(suite.leader, 'POST', '/api/platforms', input)).statusCode).toBe(403);
    const exported = await call(suite.leader, 'GET', '/api/platforms/export?street=唐口街道');
    expect(exported.statusCode).toBe(200);
  });

  it('shows an enterprise only the platforms it hosts', async () => {
    const { input, host } = await platformInput({
      name: '自有平台众创空间',
      typeId: await typeId('makerspace'),
    });
    const own = (await call(suite.staff, 'POST', '/api/platforms', input)).json() as Platform;
    const { input: otherInput } = await platformInput({ name: '他人的机密平台' });
    const other = (await call(suite.staff, 'POST', '/api/platforms', otherInput)).json() as Platform;

    const mine = (await call(host, 'GET', '/api/platforms')).json();
    expect(mine.items.map((item: Platform) => item.id)).toEqual([own.id]);
    expect((await call(host, 'GET', `/api/platforms/${own.id}`)).statusCode).toBe(200);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: host,
      requests: [
        { method: 'GET', url: `/api/platforms/${other.id}` },
        { method: 'PUT', url: `/api/platforms/${other.id}`, payload: { ...otherInput, version: 1 } },
        { method: 'POST', url: `/api/platforms/${other.id}/upgrade`, payload: {} },
      ],
      secrets: ['他人的机密平台'],
    });
  });

  it('keeps the type × level combinations as data staff edit', async () => {
    const created = await call(suite.staff, 'POST', '/api/platforms/types', {
      code: 'tech-service-platform',
      name: '科技公共服务平台',
      levels: ['city', 'district'],
      authority: 'SCI',
    });
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json() as PlatformType;
    const { input } = await platformInput({ name: '公共服务平台', typeId: type.id, level: 'district' });
    expect((await call(suite.staff, 'POST', '/api/platforms', input)).statusCode).toBe(201);
    const narrowed = await call(suite.staff, 'PUT', `/api/platforms/types/${type.id}`, {
      name: type.name,
      levels: ['city'],
      authority: 'SCI',
      allowsSeveralHosts: false,
      sortOrder: 200,
      isActive: true,
      version: 1,
    });
    expect(narrowed.statusCode).toBe(400);
    expect(narrowed.json().error.details[0].path).toBe('levels');
    const widened = await call(suite.staff, 'PUT', `/api/platforms/types/${type.id}`, {
      name: type.name,
      levels: ['provincial', 'city', 'district'],
      authority: 'SCI',
      allowsSeveralHosts: false,
      sortOrder: 200,
      isActive: true,
      version: 1,
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect(
      (
        await call(suite.staff, 'POST', '/api/platforms/types', {
          code: 'tech-service-platform',
          name: '重复',
          levels: ['city'],
          authority: 'SCI',
        })
      ).statusCode,
    ).toBe(409);
  });
});
