import type { IndicatorFigure, TalentSummary } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { buildSession, type Session } from '../../test/factories';
import { requestAs } from '../../test/test-app';
import { DISTRICT_TALENT_CALL_STATES } from './demo-call';

const suite = useDemoDistrict();

async function figures(session: Session, period: string, keys: string[]): Promise<Record<string, number>> {
  const response = await requestAs(
    suite.test.app,
    session,
    'GET',
    `/api/dashboard/figures?period=${period}&keys=${keys.join(',')}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    (response.json() as IndicatorFigure[]).map((figure) => [figure.key, figure.value ?? NaN]),
  );
}

const KEYS = [
  'talent.foreign-introduced',
  'talent.foreign-expert-double-hundred',
  'talent.programme-winners',
  'talent.ledger-total',
  'talent.foreign-total',
];

describe('the seed’s fifth section, computed from the demo district’s talent ledger', () => {
  it('has 32 foreign A/B talents introduced in 2020 by channel and 1 外专双百计划 winner', async () => {
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    expect(await figures(leader, '2020', KEYS)).toEqual({
      'talent.foreign-introduced': 32,
      'talent.foreign-expert-double-hundred': 1,
      'talent.programme-winners': 6,
      'talent.ledger-total': 51,
      'talent.foreign-total': 33,
    });
    expect(await figures(leader, '2021-H1', KEYS)).toEqual({
      'talent.foreign-introduced': 3,
      'talent.foreign-expert-double-hundred': 0,
      'talent.programme-winners': 0,
      'talent.ledger-total': 60,
      'talent.foreign-total': 36,
    });
    const breakdown = await requestAs(
      suite.test.app,
      leader,
      'GET',
      '/api/dashboard/indicators/talent.foreign-introduced/breakdown?period=2020&by=category',
    );
    expect(breakdown.statusCode, breakdown.body).toBe(200);
    expect(
      Object.fromEntries(
        (breakdown.json().rows as { group: string; count: number }[]).map((row) => [row.group, row.count]),
      ),
    ).toEqual({ 海外人才联络站: 10, 引进外国智力联盟: 9, 市产业技术研究院: 7, 猎头: 6 });
  });

  it('gives every demo foreign talent the class its facts reach, and the C worker does not count', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const list = await requestAs(
      suite.test.app,
      staff,
      'GET',
      '/api/talent?origin=foreign&arrivalYear=2020&pageSize=200',
    );
    const classes = (list.json().items as TalentSummary[]).map((item) => item.permitClass);
    expect(classes.filter((value) => value === 'A')).toHaveLength(6);
    expect(classes.filter((value) => value === 'B')).toHaveLength(26);
    expect(classes.filter((value) => value === 'C')).toHaveLength(1);
  });

  it('has a district leading-talent call with one "平台+项目+人才" application in every state', async () => {
    const rows = await queryRows<{
      status: string;
      bundle: { talentId: number; platformId: number; projectId: number };
    }>(
      suite.test.db,
      sql`select a.status, a.content->'talentBundle' as bundle from project_applications a
          join plan_calls c on c.id = a.call_id join plan_categories g on g.id = c.category_id
          where g.talent_programme_code = 'district-leading'`,
    );
    expect(rows.map((row) => row.status).sort()).toEqual([...DISTRICT_TALENT_CALL_STATES].sort());
    expect(rows.every((row) => row.bundle.talentId && row.bundle.platformId && row.bundle.projectId)).toBe(
      true,
    );
    const [selected] = await queryRows<{ total: number }>(
      suite.test.db,
      sql`select count(*)::int as total from talent_programme_records r
          join project_applications a on a.id = r.application_id where a.status = 'established' and r.status = 'selected'`,
    );
    expect(selected.total).toBe(1);
  });
});
