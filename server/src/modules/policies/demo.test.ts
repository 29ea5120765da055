import type { EnterpriseMatches, PolicyPage } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { buildSession } from '../../test/factories';

const suite = useDemoDistrict();

describe('the demo district’s policy service', () => {
  it('holds a library of four levels, the 2018 district rules repealed by the 2020 ones', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const page = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/policies?pageSize=50',
        headers: { cookie: staff.cookie },
      })
    ).json() as PolicyPage;
    expect(new Set(page.items.map((item) => item.level))).toEqual(
      new Set(['national', 'provincial', 'city', 'district']),
    );
    const old = page.items.find((item) => item.documentNo === '任政发〔2018〕12号');
    expect(old).toMatchObject({ status: 'repealed', supersededBy: { documentNo: '任政发〔2020〕7号' } });
  });

  it('hands out 5000余册 of the 2020 guide and pays the 2020 免申即享 awards to the enterprises the data selects', async () => {
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const figures = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/dashboard/figures?period=2020&keys=policies.guide-copies,policies.no-application-paid',
        headers: { cookie: leader.cookie },
      })
    ).json() as { key: string; value: number }[];
    const byKey = Object.fromEntries(figures.map((figure) => [figure.key, figure.value]));
    expect(byKey['policies.guide-copies']).toBe(5100);
    const [registered] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from tech_sme_registrations r join enterprises e on e.id = r.enterprise_id
           where r.year = 2020 and e.status = 'verified'`,
    );
    const [paid] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from policy_payouts o join policy_items i on i.id = o.item_id
           where o.year = 2020 and i.title = '科技型中小企业入库奖励'`,
    );
    expect(paid.count).toBe(registered.count);
    // The 2020 round is finished: every payout paid in full and archived, with its 流程记录.
    const [round] = await queryRows<{ open: number; unpaid: number; steps: number }>(
      suite.test.db,
      sql`select count(*) filter (where o.status <> 'archived')::int as open,
                 count(*) filter (where o.paid_fen is distinct from o.amount_fen)::int as unpaid,
                 (select count(*)::int from workflow_history h where h.workflow = 'policy-payout') as steps
           from policy_payouts o where o.year = 2020`,
    );
    expect(round).toMatchObject({ open: 0, unpaid: 0 });
    expect(round.steps).toBeGreaterThanOrEqual(paid.count * 4);
    expect(byKey['policies.no-application-paid']).toBeGreaterThan(0);
  });

  it('shows a demo enterprise its policies with reasons', async () => {
    const [enterprise] = await queryRows<{ id: number }>(
      suite.test.db,
      sql`select enterprise_id as id from tech_sme_registrations where year = 2020 order by enterprise_id limit 1`,
    );
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const matches = (
      await suite.test.app.inject({
        method: 'GET',
        url: `/api/policies/matches/${enterprise.id}?year=2020`,
        headers: { cookie: staff.cookie },
      })
    ).json() as EnterpriseMatches;
    const award = matches.items.find((item) => item.itemTitle === '科技型中小企业入库奖励');
    expect(award?.outcome).toBe('eligible');
    expect(award?.conditions[0].text).toContain('当年入库科技型中小企业');
  });
});
