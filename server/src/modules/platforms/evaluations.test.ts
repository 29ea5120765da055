import type { EvaluationRound, Platform, PlatformEvaluation, PlatformType } from '@kechuang/domain';
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

/** A type of its own (so rounds of earlier tests never collide) with one platform hosted by a new enterprise. */
async function setUp(code: string) {
  const type = (
    await call(suite.staff, 'POST', '/api/platforms/types', {
      code,
      name: `测试孵化载体${code}`,
      levels: ['provincial', 'city'],
      authority: 'SCI',
    })
  ).json() as PlatformType;
  const host = await buildEnterprise(suite.test.app);
  const platform = (
    await call(suite.staff, 'POST', '/api/platforms', {
      name: `${code}创新载体`,
      typeId: type.id,
      level: 'city',
      approvingBody: '济宁市科学技术局',
      documentNo: '济科字〔2017〕5号',
      recognizedOn: '2017-06-01',
      hostEnterpriseIds: [host.enterpriseId],
      field: null,
      street: null,
      areaSquareMeters: null,
      staffCount: null,
      equipmentFen: null,
      contactName: '吴主任',
      contactPhone: null,
    })
  ).json() as Platform;
  return { type, host, platform };
}

const figures = {
  rdSpendWan: 120,
  staff: 18,
  patents: 3,
  projects: 2,
  incubated: 6,
  services: 40,
  incomeWan: 310,
};

async function evaluationOf(typeId: number, year: number, platformId: number): Promise<PlatformEvaluation> {
  const round = await call(suite.staff, 'POST', '/api/platforms/evaluation-rounds', { typeId, year });
  expect(round.statusCode, round.body).toBe(201);
  const roundId = (round.json() as EvaluationRound).id;
  const list = (await call(suite.staff, 'GET', `/api/platforms/evaluations?roundId=${roundId}`)).json();
  return list.items.find((item: PlatformEvaluation) => item.platformId === platformId);
}

async function grade(evaluation: PlatformEvaluation, score: number, code: string) {
  const response = await call(suite.staff, 'POST', `/api/platforms/evaluations/${evaluation.id}/grade`, {
    score,
    grade: code,
    version: evaluation.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PlatformEvaluation;
}

describe('yearly 绩效评价', () => {
  it('the host reports, staff grade; a first 不合格 warns and a second in a row revokes, through the platform’s status', async () => {
    const { type, host, platform } = await setUp('eval-a');
    const first = await evaluationOf(type.id, 2019, platform.id);
    expect(first).toMatchObject({ status: 'pending', year: 2019 });
    const again = await call(suite.staff, 'POST', '/api/platforms/evaluation-rounds', {
      typeId: type.id,
      year: 2019,
    });
    expect(again.statusCode).toBe(409);

    const stranger = await buildEnterprise(suite.test.app);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: stranger,
      requests: [
        { method: 'GET', url: `/api/platforms/evaluations/${first.id}` },
        {
          method: 'POST',
          url: `/api/platforms/evaluations/${first.id}/report`,
          payload: { figures, summary: '', version: 1 },
        },
      ],
      secrets: ['eval-a创新载体'],
    });
    const own = (await call(host, 'GET', '/api/platforms/evaluations')).json();
    expect(own.items.map((item: PlatformEvaluation) => item.id)).toEqual([first.id]);

    const reported = await call(host, 'POST', `/api/platforms/evaluations/${first.id}/report`, {
      figures,
      summary: '全年孵化企业6家',
      version: first.version,
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const outside = await call(suite.staff, 'POST', `/api/platforms/evaluations/${first.id}/grade`, {
      score: 50,
      grade: 'A',
      version: reported.json().version,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0]).toMatchObject({ path: 'grade' });
    expect(outside.json().error.details[0].message).toContain('等次范围');

    const failed2019 = await grade(reported.json(), 52, 'fail');
    expect(failed2019).toMatchObject({ gradeLabel: '不合格', consecutiveFailing: 1, consequence: 'warn' });
    const warned = await call(suite.staff, 'POST', `/api/platforms/evaluations/${first.id}/consequence`, {
      effectiveOn: '2020-04-30',
      version: failed2019.version,
    });
    expect(warned.statusCode, warned.body).toBe(200);
    expect(warned.json().consequenceAppliedOn).toBe('2020-04-30');
    const twice = await call(suite.staff, 'POST', `/api/platforms/evaluations/${first.id}/consequence`, {
      effectiveOn: '2020-04-30',
      version: warned.json().version,
    });
    expect(twice.statusCode).toBe(400);
    expect((await call(suite.staff, 'GET', `/api/platforms/${platform.id}`)).json().status).toBe('warned');

    const second = await evaluationOf(type.id, 2020, platform.id);
    const failed2020 = await grade(second, 48, 'fail');
    expect(failed2020).toMatchObject({ consecutiveFailing: 2, consequence: 'revoke' });
    const pending = (
      await call(suite.staff, 'GET', '/api/platforms/evaluations?pendingConsequence=true&keyword=eval-a')
    ).json();
    expect(pending.items.map((item: PlatformEvaluation) => item.id)).toEqual([second.id]);
    const revoked = await call(suite.staff, 'POST', `/api/platforms/evaluations/${second.id}/consequence`, {
      effectiveOn: '2021-05-10',
      version: failed2020.version,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = (await call(suite.staff, 'GET', `/api/platforms/${platform.id}`)).json() as Platform;
    expect(after).toMatchObject({ status: 'revoked', endedOn: '2021-05-10' });
    expect(after.statusHistory.at(-1)?.comment).toContain('2020年度绩效评价不合格（连续2年不合格）');

    // A revoked platform files no further report, even in a round opened before its revocation.
    const third = await call(suite.staff, 'POST', '/api/platforms/evaluation-rounds', {
      typeId: type.id,
      year: 2021,
    });
    expect((third.json() as EvaluationRound).total).toBe(0);
    const exported = await call(suite.staff, 'GET', '/api/platforms/evaluations/export?keyword=eval-a');
    expect(exported.statusCode).toBe(200);
  });

  it('starts the count afresh after an upgrade, refuses reports for a revoked platform and grading in a closed round', async () => {
    const { type, host, platform } = await setUp('eval-b');
    const y2019 = await evaluationOf(type.id, 2019, platform.id);
    await grade(y2019, 40, 'fail');
    const upgraded = await call(suite.staff, 'POST', `/api/platforms/${platform.id}/upgrade`, {
      level: 'provincial',
      approvingBody: '山东省科学技术厅',
      documentNo: '鲁科字〔2019〕77号',
      recognizedOn: '2019-11-20',
      version: platform.version,
    });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const y2020 = await evaluationOf(type.id, 2020, platform.id);
    const graded = await grade(y2020, 45, 'fail');
    expect(graded).toMatchObject({ consecutiveFailing: 1, consequence: 'warn' });

    const rounds = (
      await call(suite.staff, 'GET', `/api/platforms/evaluation-rounds?typeId=${type.id}`)
    ).json();
    const round2020 = rounds.items.find((round: EvaluationRound) => round.year === 2020) as EvaluationRound;
    expect(round2020.gradeCounts).toEqual({ fail: 1 });
    const closed = await call(
      suite.staff,
      'POST',
      `/api/platforms/evaluation-rounds/${round2020.id}/actions/close`,
      {
        version: round2020.version,
      },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    const y2021 = await evaluationOf(type.id, 2021, platform.id);
    const current = (await call(suite.staff, 'GET', `/api/platforms/${platform.id}`)).json() as Platform;
    await call(suite.staff, 'POST', `/api/platforms/${platform.id}/actions/revoke`, {
      version: current.version,
      comment: '主动申请撤销',
      effectiveOn: '2021-03-01',
    });
    const refused = await call(host, 'POST', `/api/platforms/evaluations/${y2021.id}/report`, {
      figures,
      summary: '',
      version: y2021.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toContain('已撤销或摘牌');
    const y2020again = (await call(suite.staff, 'GET', `/api/platforms/evaluations/${y2020.id}`)).json();
    expect(y2020again.allowedActions).toEqual([]);
    const late = await call(suite.staff, 'POST', `/api/platforms/evaluations/${y2020.id}/grade`, {
      score: 70,
      grade: 'pass',
      version: y2020again.version,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].message).toContain('已结束');
  });
});
