import { describe, expect, it } from 'vitest';
import { computeTechTransactionFen } from './amounts';
import { techContractInputSchema } from './schemas';

const base = {
  title: '高效加氢催化剂制备技术开发',
  category: 'DEV_COMMISSIONED' as const,
  buyerName: '济宁某化工有限公司',
  buyerCreditCode: null,
  buyerRegionCode: '3708',
  signedOn: '2021-03-01',
  termStartOn: '2021-03-01',
  termEndOn: '2022-02-28',
  contractFen: 100_000_000,
  nonTechnicalCosts: [],
  carrierFen: 0,
  payments: [],
  linkedContractId: null,
  sameInvoice: false,
  disputed: false,
  exemptionClaimed: false,
};

describe('技术交易额', () => {
  it('is 成交额 minus the 非技术性费用 lines; carrier costs are not among them and stay in', () => {
    expect(
      computeTechTransactionFen(100_000_000, [{ amountFen: 20_000_000 }, { amountFen: 5_000_000 }]),
    ).toEqual({ ok: true, techFen: 75_000_000, nonTechnicalFen: 25_000_000 });
    expect(computeTechTransactionFen(100_000_000, [])).toEqual({
      ok: true,
      techFen: 100_000_000,
      nonTechnicalFen: 0,
    });
  });

  it('may reach zero but never goes negative or above 成交额', () => {
    expect(computeTechTransactionFen(100, [{ amountFen: 100 }])).toMatchObject({ ok: true, techFen: 0 });
    expect(computeTechTransactionFen(100, [{ amountFen: 101 }])).toEqual({
      ok: false,
      problem: 'exceedsContract',
    });
    expect(computeTechTransactionFen(100, [{ amountFen: -1 }])).toEqual({
      ok: false,
      problem: 'negativeLine',
    });
  });

  it('the form names 技术交易额 when the lines add up to more than 成交额', () => {
    const result = techContractInputSchema.safeParse({
      ...base,
      nonTechnicalCosts: [{ kind: 'equipment', description: '反应釜', amountFen: 100_000_001 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['techFen']);
  });

  it('refuses a negative line, a term ending before it starts and an impossible date, each by field', () => {
    const result = techContractInputSchema.safeParse({
      ...base,
      signedOn: '2021-02-30',
      termEndOn: '2021-01-01',
      nonTechnicalCosts: [{ kind: 'materials', description: '原料', amountFen: -5 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'nonTechnicalCosts.0.amountFen',
      'signedOn',
      'termEndOn',
    ]);
  });

  it('checks the cross-field rules on their own too', () => {
    const result = techContractInputSchema.safeParse({ ...base, termEndOn: '2021-01-01' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['termEndOn']);
  });

  it('a 咨询 contract claimed exempt without a linked contract names the link; training never exempt', () => {
    const consulting = techContractInputSchema.safeParse({
      ...base,
      category: 'CONSULTING',
      exemptionClaimed: true,
    });
    expect(consulting.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['linkedContractId']);
    const notSameInvoice = techContractInputSchema.safeParse({
      ...base,
      category: 'SERVICE',
      exemptionClaimed: true,
      linkedContractId: 7,
    });
    expect(notSameInvoice.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sameInvoice']);
    const training = techContractInputSchema.safeParse({
      ...base,
      category: 'SERVICE_TRAINING',
      exemptionClaimed: true,
      linkedContractId: 7,
      sameInvoice: true,
    });
    expect(training.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['exemptionClaimed']);
    expect(techContractInputSchema.safeParse({ ...base, exemptionClaimed: true }).success).toBe(true);
  });
});
