import type { PlatformType } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { enterpriseYearFigures } from '../../db/schema';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildYearlyFigures } from '../cultivation/figures-fixtures';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

describe('规上企业研发机构全覆盖', () => {
  it('counts an enterprise hosting two institutions once, leaves out a revoked one and types that do not count', async () => {
    const types = (await call(suite.staff, 'GET', '/api/platforms/types')).json().items as PlatformType[];
    const typeId = (code: string) => types.find((type) => type.code === code)?.id;
    const [twoInstitutions, revokedOnly, none, notAboveScale] = await Promise.all(
      ['双机构', '已撤销', '无机构', '非规上'].map((name) =>
        buildEnterprise(suite.test.app, { name: `覆盖率测试${name}有限公司` }),
      ),
    );
    for (const [enterprise, overrides] of [
      [twoInstitutions, {}],
      [revokedOnly, { rdExpenseFen: 0, rdExpenseDomesticFen: 0 }],
      [none, {}],
      [notAboveScale, { isAboveDesignatedSize: false }],
    ] as const) {
      await suite.test.db.insert(enterpriseYearFigures).values({
        ...buildYearlyFigures(2015, overrides),
        enterpriseId: enterprise.enterpriseId,
        source: 'staff',
      });
    }
    const create = async (name: string, code: string, level: string, hostId: number) => {
      const response = await call(suite.staff, 'POST', '/api/platforms', {
        name,
        typeId: typeId(code),
        level,
        approvingBody: '济宁市科学技术局',
        documentNo: `济科字〔2014〕${name.length}号`,
        recognizedOn: '2014-05-01',
        hostEnterpriseIds: [hostId],
        field: null,
        street: null,
        areaSquareMeters: null,
        staffCount: null,
        equipmentFen: null,
        contactName: null,
        contactPhone: null,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    await create('覆盖率测试重点实验室', 'key-lab', 'city', twoInstitutions.enterpriseId);
    await create(
      '覆盖率测试工程技术研究中心',
      'engineering-center',
      'provincial',
      twoInstitutions.enterpriseId,
    );
    const revoked = await create('覆盖率测试撤销实验室', 'key-lab', 'city', revokedOnly.enterpriseId);
    await create('覆盖率测试众创空间', 'makerspace', 'city', revokedOnly.enterpriseId);
    await create('覆盖率测试非规上实验室', 'key-lab', 'city', notAboveScale.enterpriseId);
    const revoke = await call(suite.staff, 'POST', `/api/platforms/${revoked.id}/actions/revoke`, {
      version: 1,
      comment: '绩效评价不合格',
      effectiveOn: '2015-06-30',
    });
    expect(revoke.statusCode, revoke.body).toBe(200);

    const figures = await call(
      suite.leader,
      'GET',
      '/api/dashboard/figures?period=2015&keys=platforms.above-scale-enterprises,platforms.above-scale-with-rd-institution,platforms.rd-institution-coverage,platforms.rd-activity-share',
    );
    expect(figures.statusCode, figures.body).toBe(200);
    expect(
      Object.fromEntries(
        (figures.json() as { key: string; value: number }[]).map((figure) => [figure.key, figure.value]),
      ),
    ).toEqual({
      'platforms.above-scale-enterprises': 3,
      'platforms.above-scale-with-rd-institution': 1,
      'platforms.rd-institution-coverage': 33.3,
      'platforms.rd-activity-share': 66.7,
    });

    const uncovered = await call(
      suite.leader,
      'GET',
      '/api/platforms/coverage?year=2015&coverage=uncovered&sort=name&order=asc',
    );
    expect(uncovered.statusCode, uncovered.body).toBe(200);
    expect(uncovered.json()).toMatchObject({ aboveScale: 3, covered: 1, withRdActivity: 2, total: 2 });
    expect(
      uncovered
        .json()
        .items.map((item: { enterpriseId: number }) => item.enterpriseId)
        .sort(),
    ).toEqual([revokedOnly.enterpriseId, none.enterpriseId].sort());
    const covered = await call(suite.staff, 'GET', '/api/platforms/coverage?year=2015&coverage=covered');
    expect(covered.json().items).toEqual([
      expect.objectContaining({
        enterpriseId: twoInstitutions.enterpriseId,
        institutions: 2,
        hasRdActivity: true,
      }),
    ]);
    const exported = await call(
      suite.staff,
      'GET',
      '/api/platforms/coverage/export?year=2015&coverage=uncovered',
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
