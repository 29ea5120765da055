import type { EvaluationRound, PlatformApplication, PlatformEvaluation } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { buildSession } from '../../test/factories';
import { requestAs } from '../../test/test-app';

const suite = useDemoDistrict();

describe('the platforms demo beyond the register', () => {
  it('has applications in every stage of review, the two 2021 院士工作站 approved onto the register', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const page = (
      await requestAs(suite.test.app, staff, 'GET', '/api/platforms/applications?pageSize=50')
    ).json();
    expect(page.statusCounts).toMatchObject({
      draft: 1,
      submitted: 1,
      returned: 1,
      recommended: 1,
      notRecommended: 1,
      approved: 2,
    });
    const approved = page.items.filter((item: PlatformApplication) => item.status === 'approved');
    for (const application of approved) {
      const platform = (
        await requestAs(suite.test.app, staff, 'GET', `/api/platforms/${application.resultPlatformId}`)
      ).json();
      expect(platform).toMatchObject({ typeName: '院士工作站', level: 'provincial' });
      expect(platform.recognizedOn.startsWith('2021')).toBe(true);
    }
  });

  it('has a finished 2020 众创空间 round with every grade, one platform on its second 不合格 awaiting revocation', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const rounds = (
      await requestAs(suite.test.app, staff, 'GET', '/api/platforms/evaluation-rounds?year=2020')
    ).json();
    const round = rounds.items[0] as EvaluationRound;
    expect(round).toMatchObject({ typeName: '众创空间', status: 'closed' });
    expect(round.graded).toBe(round.total);
    expect(Object.keys(round.gradeCounts).sort()).toEqual(['excellent', 'fail', 'good', 'pass']);
    const pending = (
      await requestAs(suite.test.app, staff, 'GET', '/api/platforms/evaluations?pendingConsequence=true')
    ).json();
    expect(pending.items).toHaveLength(1);
    const second = pending.items[0] as PlatformEvaluation;
    expect(second).toMatchObject({
      year: 2020,
      consecutiveFailing: 2,
      consequence: 'revoke',
      platformStatus: 'warned',
    });
  });

  it('has the universities of 2021 to date as figures: 7 in cooperation and 4 branches landed', async () => {
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const read = async (period: string) => {
      const response = await requestAs(
        suite.test.app,
        leader,
        'GET',
        `/api/dashboard/figures?period=${period}&keys=platforms.universities,platforms.university-branches`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return Object.fromEntries(
        (response.json() as { key: string; value: number }[]).map((f) => [f.key, f.value]),
      );
    };
    expect(await read('2021-H1')).toEqual({
      'platforms.universities': 7,
      'platforms.university-branches': 4,
    });
    expect(await read('2020')).toEqual({ 'platforms.universities': 4, 'platforms.university-branches': 1 });
    const page = (
      await requestAs(suite.test.app, leader, 'GET', '/api/platforms/cooperations?year=2021')
    ).json();
    expect(page).toMatchObject({ total: 8, partners: 7, branches: 4 });
  });
});
