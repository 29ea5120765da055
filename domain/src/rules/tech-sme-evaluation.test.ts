import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFigures, wan } from './build-figures';
import { evaluateTechSme } from './tech-sme-evaluation';
import { TECH_SME_POLICY_2017 } from './tech-sme-policy';

/** Figures that score 20 + 50 + 30 = 100 unless overridden. */
const strong = {
  employees: 100,
  sciTechStaff: 30,
  revenueFen: wan(1000),
  costFen: wan(900),
  rdExpenseFen: wan(60),
  rdExpenseDomesticFen: wan(60),
  ipClass1Count: 1,
};

describe('科技型中小企业 indicators, at every band edge', () => {
  it.each([
    [30, 20, '≥30%'],
    [29, 16, '25%（含）–30%'],
    [25, 16, '25%（含）–30%'],
    [24, 12, '20%（含）–25%'],
    [20, 12, '20%（含）–25%'],
    [19, 8, '15%（含）–20%'],
    [15, 8, '15%（含）–20%'],
    [14, 4, '10%（含）–15%'],
    [10, 4, '10%（含）–15%'],
    [9, 0, '<10%'],
  ])('科技人员 %i of 100 scores %i', (staff, points, band) => {
    const result = evaluateTechSme({ figures: buildFigures({ ...strong, sciTechStaff: staff }) });
    expect(result.sciTechStaff.points).toBe(points);
    expect(result.sciTechStaff.band.zh).toBe(band);
  });

  it('scores 科技人员 on the exact ratio, not a rounded one', () => {
    // 299 of 1000 is 29.9%: still the 16-point band.
    const result = evaluateTechSme({
      figures: buildFigures({ ...strong, employees: 1000, sciTechStaff: 299 }),
    });
    expect(result.sciTechStaff.points).toBe(16);
    expect(result.sciTechStaff.ratioPercent).toBe(29.9);
  });

  // Revenue 1000万元: each band starts at a whole 万元 amount; one 分 less falls to the band below.
  it.each([
    [wan(60), 50],
    [wan(60) - 1, 40],
    [wan(50), 40],
    [wan(50) - 1, 30],
    [wan(40), 30],
    [wan(40) - 1, 20],
    [wan(30), 20],
    [wan(30) - 1, 10],
    [wan(20), 10],
    [wan(20) - 1, 0],
  ])('研发费用 %i 分 of 1000万元 revenue scores %i', (rdExpenseFen, points) => {
    const figures = buildFigures({ ...strong, rdExpenseFen, rdExpenseDomesticFen: 0, costFen: wan(100_000) });
    const result = evaluateTechSme({ figures });
    expect(result.rdInvestment.byRevenue.points).toBe(points);
    expect(result.rdInvestment.points).toBe(points);
    expect(result.rdInvestment.basis).toBe('revenue');
  });

  // Cost 1000万元 and no revenue: only the cost-based ratio can score.
  it.each([
    [wan(300), 50],
    [wan(300) - 1, 40],
    [wan(250), 40],
    [wan(250) - 1, 30],
    [wan(200), 30],
    [wan(200) - 1, 20],
    [wan(150), 20],
    [wan(150) - 1, 10],
    [wan(100), 10],
    [wan(100) - 1, 0],
  ])('研发费用 %i 分 of 1000万元 costs scores %i', (rdExpenseFen, points) => {
    const figures = buildFigures({
      ...strong,
      revenueFen: 0,
      highTechRevenueFen: 0,
      costFen: wan(1000),
      rdExpenseFen,
      rdExpenseDomesticFen: 0,
    });
    const result = evaluateTechSme({ figures });
    expect(result.rdInvestment.byCost.points).toBe(points);
    expect(result.rdInvestment.byRevenue).toMatchObject({ points: 0, ratioPercent: null });
    expect(result.rdInvestment.points).toBe(points);
  });

  it.each([
    [1, 0, 30, '≥1项Ⅰ类'],
    [1, 9, 30, '≥1项Ⅰ类'],
    [0, 5, 24, '≥4项Ⅱ类'],
    [0, 4, 24, '≥4项Ⅱ类'],
    [0, 3, 18, '3项Ⅱ类'],
    [0, 2, 12, '2项Ⅱ类'],
    [0, 1, 6, '1项Ⅱ类'],
    [0, 0, 0, '无'],
  ])('知识产权 Ⅰ类 %i, Ⅱ类 %i scores %i', (ipClass1Count, ipClass2Count, points, band) => {
    const result = evaluateTechSme({ figures: buildFigures({ ...strong, ipClass1Count, ipClass2Count }) });
    expect(result.intellectualProperty.points).toBe(points);
    expect(result.intellectualProperty.band.zh).toBe(band);
  });
});

describe('科技型中小企业 eligibility (limits inclusive)', () => {
  const limits = TECH_SME_POLICY_2017;

  it('accepts an enterprise exactly at every limit', () => {
    const figures = buildFigures({
      ...strong,
      employees: 500,
      sciTechStaff: 150,
      revenueFen: limits.maxRevenueFen,
      rdExpenseFen: wan(1200),
      rdExpenseDomesticFen: 0,
      totalAssetsFen: limits.maxTotalAssetsFen,
      liabilitiesFen: 0,
    });
    const result = evaluateTechSme({ figures });
    expect(result.isEligible).toBe(true);
    expect(result.qualified).toBe(true);
  });

  it('refuses one person or one 分 over a limit, saying by how much', () => {
    const overStaff = evaluateTechSme({
      figures: buildFigures({ ...strong, employees: 501, sciTechStaff: 160 }),
    });
    expect(overStaff.isEligible).toBe(false);
    expect(overStaff.qualified).toBe(false);
    expect(overStaff.gaps[0]).toMatchObject({ count: 1, text: { zh: '职工总数501人，超过上限1人' } });

    const overRevenue = evaluateTechSme({
      figures: buildFigures({ ...strong, revenueFen: limits.maxRevenueFen + 1, rdExpenseFen: wan(1300) }),
    });
    expect(overRevenue.conditions.find((condition) => condition.code === 'revenue')).toMatchObject({
      status: 'notMet',
      gap: { amountFen: 1 },
    });

    const overAssets = evaluateTechSme({
      figures: buildFigures({ ...strong, totalAssetsFen: limits.maxTotalAssetsFen + 1, liabilitiesFen: 0 }),
    });
    expect(overAssets.isEligible).toBe(false);
    expect(overAssets.gaps[0].text.zh).toBe('资产总额20,000.00万元，超过2亿元上限0.01万元');
    expect(overAssets.gaps[0].amountFen).toBe(1);
  });

  it('fails on a declaration answered no, and waits on one not given', () => {
    const figures = buildFigures(strong);
    const declaredNo = evaluateTechSme({ figures, declarations: { hasCleanRecord: false } });
    expect(declaredNo.qualified).toBe(false);
    expect(declaredNo.conditions.find((condition) => condition.code === 'cleanRecord')?.status).toBe(
      'notMet',
    );

    const undeclared = evaluateTechSme({ figures });
    expect(undeclared.qualified).toBe(true);
    expect(
      undeclared.conditions.filter((condition) => condition.status === 'unknown').map((c) => c.code),
    ).toEqual(['mainlandResident', 'productsAllowed', 'cleanRecord']);
  });
});

describe('科技型中小企业 outcome', () => {
  it('passes at exactly 60 points and fails at 58, two points short', () => {
    const sixty = evaluateTechSme({
      figures: buildFigures({ ...strong, rdExpenseFen: wan(50), ipClass1Count: 0 }),
    });
    expect(sixty.totalScore).toBe(60);
    expect(sixty.qualified).toBe(true);
    expect(sixty.qualifiedBy).toBe('score');
    expect(sixty.gaps).toEqual([]);

    const fiftyEight = evaluateTechSme({
      figures: buildFigures({
        ...strong,
        sciTechStaff: 25,
        rdExpenseFen: wan(40),
        ipClass1Count: 0,
        ipClass2Count: 2,
      }),
    });
    expect(fiftyEight.totalScore).toBe(58);
    expect(fiftyEight.qualified).toBe(false);
    expect(fiftyEight.gaps[0]).toEqual({
      text: { zh: '综合评价58分，需≥60分，还差2分', en: expect.any(String) },
      points: 2,
    });
  });

  it('passes only through the cost-based R&D ratio', () => {
    // 研发 250万: 2.5% of 1亿 revenue (10 points) but 25% of 1000万 costs (40 points).
    const figures = buildFigures({
      ...strong,
      revenueFen: wan(10_000),
      highTechRevenueFen: 0,
      costFen: wan(1000),
      rdExpenseFen: wan(250),
      rdExpenseDomesticFen: wan(250),
      ipClass1Count: 0,
      ipClass2Count: 1,
    });
    const result = evaluateTechSme({ figures });
    expect(result.rdInvestment.byRevenue.points).toBe(10);
    expect(result.rdInvestment.byCost.points).toBe(40);
    expect(result.rdInvestment.basis).toBe('cost');
    expect(result.totalScore).toBe(20 + 40 + 6);
    expect(result.qualified).toBe(true);
    // On the revenue ratio alone it would have been 36.
    expect(
      result.sciTechStaff.points + result.rdInvestment.byRevenue.points + result.intellectualProperty.points,
    ).toBe(36);
  });

  it('fails only because the S&T-staff score is 0, and says how many to add', () => {
    const result = evaluateTechSme({ figures: buildFigures({ ...strong, sciTechStaff: 9 }) });
    expect(result.totalScore).toBe(80);
    expect(result.qualified).toBe(false);
    expect(result.conditions.filter((condition) => condition.status === 'notMet').map((c) => c.code)).toEqual(
      ['sciTechStaffScore'],
    );
    // (9 + x) / (100 + x) ≥ 10% → x = 2: new S&T staff also count as employees.
    expect(result.gaps).toHaveLength(1);
    expect(result.gaps[0].count).toBe(2);
    expect(result.gaps[0].text.zh).toBe(
      '科技人员占比9.0%，低于10%，该项得0分（不得为0分），还需增加2名科技人员',
    );
  });

  it('qualifies directly with a listed certificate whatever the score, but not over the limits', () => {
    const weak = buildFigures({ sciTechStaff: 5, rdExpenseFen: 0, rdExpenseDomesticFen: 0 });
    const direct = evaluateTechSme({ figures: weak, directQualifications: ['provincialRdInstitution'] });
    expect(direct.qualified).toBe(true);
    expect(direct.qualifiedBy).toBe('direct');
    expect(direct.directQualification?.code).toBe('provincialRdInstitution');

    expect(evaluateTechSme({ figures: weak, directQualifications: ['unlisted'] }).qualified).toBe(false);
    const tooLarge = evaluateTechSme({
      figures: buildFigures({ employees: 800, sciTechStaff: 5, rdExpenseFen: 0, rdExpenseDomesticFen: 0 }),
      directQualifications: ['highTechCertificate'],
    });
    expect(tooLarge.qualified).toBe(false);
  });

  it('lists the ways to close a score gap with exact amounts', () => {
    // 12 (20%) + 20 (3.5% of revenue) + 0 = 32: 28 short.
    const figures = buildFigures({
      employees: 100,
      sciTechStaff: 20,
      revenueFen: wan(1000) + 1,
      costFen: wan(4000),
      rdExpenseFen: wan(35),
      rdExpenseDomesticFen: wan(35),
      highTechRevenueFen: 0,
    });
    const result = evaluateTechSme({ figures });
    expect(result.totalScore).toBe(32);
    const [total, ...ways] = result.gaps;
    expect(total.points).toBe(28);
    expect(ways).toEqual(result.improvements);
    // No staff band closes 28 points alone: the top band, (20 + x) / (100 + x) ≥ 30% → x = 15.
    expect(ways[0]).toMatchObject({ count: 15, points: 8 });
    // 6% of (1000万元 + 1分) is 60 000 000.06 分: up to 60 000 001 分, less the 35万 spent; shown rounded up.
    expect(ways[1]).toMatchObject({ amountFen: 60_000_001 - wan(35), points: 30 });
    expect(ways[1].text.zh).toBe('研发费用占销售收入达到6%可得50分（+30分），需再投入研发费用25.01万元');
    // Cost-based 30%: (35万 + x) / (4000万 + x) ≥ 30% → x = 1664.2857…万 → 16 642 857.15 元, up to the 分.
    expect(ways[2]).toMatchObject({ amountFen: 1_664_285_715, points: 30 });
    expect(ways[3]).toMatchObject({ count: 1, points: 30 });
    expect(ways[4]).toMatchObject({ count: 4, points: 24 });
  });

  it('names the policy version it applied', () => {
    const result = evaluateTechSme({ figures: buildFigures(strong) });
    expect(result).toMatchObject({
      policyId: 'tech-sme-2017',
      documentNumber: '国科发政〔2017〕115号',
      year: 2023,
    });
  });
});

describe('科技型中小企业 invariants', () => {
  it('qualifies exactly when eligible with 60 points and a non-zero staff score, and then shows no gaps', () => {
    const figuresArbitrary = fc
      .record({
        employees: fc.integer({ min: 0, max: 800 }),
        staffShare: fc.double({ min: 0, max: 1, noNaN: true }),
        revenueFen: fc.integer({ min: 0, max: 3e10 }),
        costFen: fc.integer({ min: 0, max: 3e10 }),
        rdExpenseFen: fc.integer({ min: 0, max: 3e9 }),
        ipClass1Count: fc.integer({ min: 0, max: 2 }),
        ipClass2Count: fc.integer({ min: 0, max: 6 }),
      })
      .map(({ staffShare, ...rest }) =>
        buildFigures({
          ...rest,
          sciTechStaff: Math.floor(rest.employees * staffShare),
          rdExpenseDomesticFen: 0,
          highTechRevenueFen: 0,
        }),
      );
    fc.assert(
      fc.property(figuresArbitrary, (figures) => {
        const result = evaluateTechSme({ figures });
        const { sciTechStaff, rdInvestment, intellectualProperty } = result;
        expect(result.totalScore).toBe(
          sciTechStaff.points + rdInvestment.points + intellectualProperty.points,
        );
        expect(rdInvestment.points).toBe(Math.max(rdInvestment.byRevenue.points, rdInvestment.byCost.points));
        expect(result.qualified).toBe(
          result.isEligible && result.totalScore >= 60 && sciTechStaff.points > 0,
        );
        expect(result.gaps.length === 0).toBe(result.qualified);
      }),
    );
  });
});
