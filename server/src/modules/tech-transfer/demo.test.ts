import {
  isValidUscc,
  parseRegistrationNumber,
  TECH_CONTRACT_CATEGORIES,
  type TechContractInput,
  techContractInputSchema,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { techContracts, workflowHistory } from '../../db/schema';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { DEMO_PASSWORD } from '../../demo/rencheng';
import { logIn } from '../../test/factories';
import { DEMO_TECH_CONTRACT_YEARS } from './demo-plan';

const suite = useDemoDistrict();

/** Registered (not cancelled) contracts of a period: what 技术合同成交额 counts. */
async function totalsOf(from: string, to: string) {
  const [row] = await suite.test.db
    .select({
      contracts: sql<number>`count(*)::int`,
      contractFen: sql<string>`sum(${techContracts.contractFen})`,
      claimedTechFen: sql<string>`coalesce(sum(${techContracts.techFen}) filter (where ${techContracts.exemptionClaimed} and ${techContracts.exemptionEligible}), 0)`,
      categories: sql<number>`count(distinct ${techContracts.category})::int`,
    })
    .from(techContracts)
    .where(
      and(
        eq(techContracts.status, 'registered'),
        sql`${techContracts.registeredOn} between ${from} and ${to}`,
      ),
    );
  return row;
}

describe('the demo district’s technology contracts', () => {
  it('registers 13.23亿元 in 2020 with 1700万元 claimed 免税, every category present', async () => {
    const totals = await totalsOf('2020-01-01', '2020-12-31');
    expect(Number(totals.contractFen)).toBe(132_300_000_000);
    expect(Number(totals.claimedTechFen)).toBe(1_700_000_000);
    expect(totals.categories).toBe(TECH_CONTRACT_CATEGORIES.length);
    expect(totals.contracts).toBe(DEMO_TECH_CONTRACT_YEARS[0].registered);
  });

  it('registers 14.3亿元 in 2021 to the end of June with 3857万元 claimed 免税', async () => {
    const totals = await totalsOf('2021-01-01', '2021-06-30');
    expect(Number(totals.contractFen)).toBe(143_000_000_000);
    expect(Number(totals.claimedTechFen)).toBe(3_857_000_000);
    expect(totals.categories).toBe(TECH_CONTRACT_CATEGORIES.length);
  });

  it('has a refusal, a cancellation left out of the figures, 补正 and filings whose time limit runs', async () => {
    const byStatus = await suite.test.db
      .select({ status: techContracts.status, total: sql<number>`count(*)::int` })
      .from(techContracts)
      .groupBy(techContracts.status);
    const count = (status: string) => byStatus.find((row) => row.status === status)?.total ?? 0;
    expect(count('refused')).toBe(1);
    expect(count('cancelled')).toBe(1);
    expect(count('submitted') + count('resubmitted')).toBeGreaterThanOrEqual(3);
    const waiting = await suite.test.db
      .select()
      .from(techContracts)
      .where(sql`${techContracts.status} in ('submitted', 'resubmitted')`);
    expect(
      waiting.every((row) => row.acceptedOn !== null && row.dueOn !== null && row.dueOn > row.acceptedOn),
    ).toBe(true);
    const [returned] = await suite.test.db
      .select({ contracts: sql<number>`count(distinct ${workflowHistory.objectId})::int` })
      .from(workflowHistory)
      .where(and(eq(workflowHistory.workflow, 'tech-contract'), eq(workflowHistory.action, 'return')));
    expect(returned.contracts).toBeGreaterThan(10);
  });

  it('has contracts that pass the filing form and valid numbers, codes and histories', async () => {
    const rows = await suite.test.db.select().from(techContracts);
    const failures = rows.filter((row) => {
      const input: TechContractInput = {
        title: row.title,
        category: row.category as TechContractInput['category'],
        buyerName: row.buyerName,
        buyerCreditCode: row.buyerCreditCode,
        buyerRegionCode: row.buyerRegionCode,
        signedOn: row.signedOn,
        termStartOn: row.termStartOn,
        termEndOn: row.termEndOn,
        contractFen: row.contractFen,
        nonTechnicalCosts: row.nonTechnicalCosts,
        carrierFen: row.carrierFen,
        payments: row.payments,
        linkedContractId: row.linkedContractId,
        sameInvoice: row.sameInvoice,
        disputed: row.disputed,
        exemptionClaimed: row.exemptionClaimed,
      };
      return !techContractInputSchema.safeParse(input).success;
    });
    expect(failures.map((row) => row.id)).toEqual([]);
    for (const row of rows) {
      if (row.buyerCreditCode) expect(isValidUscc(row.buyerCreditCode)).toBe(true);
      if (row.registrationNo)
        expect(parseRegistrationNumber(row.registrationNo), row.registrationNo).not.toBeNull();
      if (row.registeredOn) expect(row.signedOn <= row.registeredOn).toBe(true);
      expect(row.techFen).toBeLessThanOrEqual(row.contractFen);
    }
    const [orphans] = await suite.test.db
      .select({ total: sql<number>`count(*)::int` })
      .from(techContracts)
      .where(
        sql`not exists (select 1 from ${workflowHistory} h where h.workflow = 'tech-contract' and h.object_id = ${techContracts.id} and h.to_status = ${techContracts.status})`,
      );
    expect(orphans.total).toBe(0);
  });

  it('shows the seed’s figures in the statistics the leader opens', async () => {
    const session = await logIn(suite.test.app, 'leader', DEMO_PASSWORD);
    const figures = async (query: string) => {
      const response = await suite.test.app.inject({
        method: 'GET',
        url: `/api/tech-transfer/statistics?${query}`,
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode).toBe(200);
      return response.json().totals;
    };
    expect(await figures('year=2020')).toMatchObject({
      contractFen: 132_300_000_000,
      claimedTechFen: 1_700_000_000,
    });
    expect(await figures('year=2021')).toMatchObject({
      contractFen: 143_000_000_000,
      claimedTechFen: 3_857_000_000,
    });
  });
});
