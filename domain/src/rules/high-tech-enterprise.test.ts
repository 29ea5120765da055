import { describe, expect, it } from 'vitest';
import { buildFigures, wan } from './build-figures';
import type { EnterpriseYearFigures } from './enterprise-figures';
import { evaluateHighTech, type HighTechInput } from './high-tech-enterprise';

/** Three accounting years (2021–2023) for an application in 2024 that meet every figure condition. */
function threeYears(overrides: Partial<EnterpriseYearFigures>[] = [{}, {}, {}]): EnterpriseYearFigures[] {
  return [2021, 2022, 2023].map((year, index) =>
    buildFigures({
      year,
      revenueFen: wan(1600),
      rdExpenseFen: wan(80),
      rdExpenseDomesticFen: wan(80),
      highTechRevenueFen: wan(1200),
      ipClass1Count: 1,
      ipSelfDevelopedCount: 1,
      conversionsCount: 5,
      // Net assets 2000万 → 2700万 → 3645万: 35% a year.
      totalAssetsFen: wan([3000, 3700, 4645][index]),
      liabilitiesFen: wan(1000),
      ...overrides[index],
    }),
  );
}

function evaluate(input: Partial<HighTechInput> = {}) {
  return evaluateHighTech({
    figures: threeYears(),
    registeredOn: '2015-03-01',
    applicationDate: '2024-06-01',
    technologyField: 'electronic-information',
    hasCoreIpSupport: true,
    hasCleanRecord: true,
    ...input,
  });
}

function conditionOf(result: ReturnType<typeof evaluate>, code: string) {
  const condition = result.conditions.find((item) => item.code === code);
  if (!condition) throw new Error(`no condition ${code}`);
  return condition;
}

describe("高企 R&D intensity by the latest year's revenue (含 boundaries)", () => {
  it.each([
    [wan(5000), 5],
    [wan(5000) + 1, 4],
    [wan(20_000), 4],
    [wan(20_000) + 1, 3],
  ])('latest revenue %i 分 needs %i%%', (revenueFen, minPercent) => {
    const result = evaluate({
      figures: threeYears([{}, {}, { revenueFen, highTechRevenueFen: revenueFen }]),
    });
    expect(result.rdIntensity?.minPercent).toBe(minPercent);
  });

  it('uses the latest year for the band even when earlier years were larger', () => {
    const result = evaluate({
      figures: threeYears([{ revenueFen: wan(30_000) }, { revenueFen: wan(30_000) }, {}]),
    });
    expect(result.rdIntensity?.minPercent).toBe(5);
    expect(result.sums?.revenueFen).toBe(wan(61_600));
  });

  it("passes at exactly the band's share of the three-year sum and fails one 分 below", () => {
    // Latest 5000万 → 5%; three years 1000 + 2000 + 5000 = 8000万 → 400万 of R&D needed in total.
    const revenues = [
      { revenueFen: wan(1000) },
      { revenueFen: wan(2000) },
      { revenueFen: wan(5000), highTechRevenueFen: wan(4000) },
    ];
    const exact = evaluate({
      figures: threeYears(
        revenues.map((item, index) => ({
          ...item,
          rdExpenseFen: wan([100, 100, 200][index]),
          rdExpenseDomesticFen: wan(60),
        })),
      ),
    });
    expect(exact.sums?.rdExpenseFen).toBe(wan(400));
    expect(conditionOf(exact, 'rdIntensity').status).toBe('met');

    const short = evaluate({
      figures: threeYears(
        revenues.map((item, index) => ({
          ...item,
          rdExpenseFen: wan([100, 100, 200][index]) - (index === 2 ? 1 : 0),
          rdExpenseDomesticFen: wan(60),
        })),
      ),
    });
    expect(conditionOf(short, 'rdIntensity')).toMatchObject({ status: 'notMet', gap: { amountFen: 1 } });
    expect(conditionOf(short, 'rdIntensity').gap?.text.zh).toBe(
      '研发费用占比4.9%，按您的收入规模需≥5%，三年合计还差0.01万元',
    );
  });

  it('says what is missing and by how much, as the 体检 shows it', () => {
    // 1600万 a year, 4800万 in three years; 研发 153.6万 is 3.2%; 5% would be 240万: 86.4万 short.
    const figures = threeYears([
      { rdExpenseFen: wan(51.2), rdExpenseDomesticFen: wan(51.2) },
      { rdExpenseFen: wan(51.2), rdExpenseDomesticFen: wan(51.2) },
      { rdExpenseFen: wan(51.2), rdExpenseDomesticFen: wan(51.2) },
    ]);
    const result = evaluate({ figures });
    const condition = conditionOf(result, 'rdIntensity');
    expect(condition.gap).toEqual({
      text: {
        zh: '研发费用占比3.2%，按您的收入规模需≥5%，三年合计还差86.40万元',
        en: 'R&D share 3.2%; your revenue size needs 5%: CNY 864,000 short over 3 years',
      },
      amountFen: 86_400_000,
    });
    expect(condition.required.zh).toBe('≥5%（最近一年销售收入5000万元以下（含））');
    expect(result.status).toBe('notMet');
    expect(result.gaps).toEqual([condition.gap]);
  });

  it('counts only the years since registration when the enterprise is younger than three years', () => {
    const result = evaluate({ registeredOn: '2022-05-10' });
    expect(result.years).toEqual([2022, 2023]);
    expect(result.sums?.revenueFen).toBe(wan(3200));
    const short = evaluate({
      registeredOn: '2022-05-10',
      figures: threeYears([
        {},
        { rdExpenseFen: wan(60), rdExpenseDomesticFen: wan(60) },
        { rdExpenseFen: wan(60), rdExpenseDomesticFen: wan(60) },
      ]),
    });
    // 5% of 3200万 is 160万; 120万 spent.
    expect(conditionOf(short, 'rdIntensity').gap?.text.zh).toBe(
      '研发费用占比3.7%，按您的收入规模需≥5%，两年合计还差40.00万元',
    );
  });

  it('leaves the sums undecided when an accounting year is missing', () => {
    const result = evaluate({ figures: threeYears().filter((figures) => figures.year !== 2022) });
    expect(result.missingYears).toEqual([2022]);
    expect(conditionOf(result, 'rdIntensity').status).toBe('unknown');
    expect(conditionOf(result, 'domesticRdShare').status).toBe('unknown');
    expect(conditionOf(result, 'sciTechStaffShare').status).toBe('met');
  });
});

describe('高企 other conditions', () => {
  it('needs domestic R&D of at least 60% of the three-year total', () => {
    const exact = evaluate({
      figures: threeYears([
        { rdExpenseDomesticFen: wan(48) },
        { rdExpenseDomesticFen: wan(48) },
        { rdExpenseDomesticFen: wan(48) },
      ]),
    });
    expect(conditionOf(exact, 'domesticRdShare').status).toBe('met');
    // 120万 of 240万 is 50%; (120 + x) / (240 + x) ≥ 60% → x = 60万 more spent in China.
    const half = evaluate({
      figures: threeYears([
        { rdExpenseDomesticFen: wan(40) },
        { rdExpenseDomesticFen: wan(40) },
        { rdExpenseDomesticFen: wan(40) },
      ]),
    });
    expect(conditionOf(half, 'domesticRdShare').gap).toMatchObject({ amountFen: wan(60) });
    expect(conditionOf(half, 'domesticRdShare').gap?.text.zh).toBe(
      '境内研发费用占比50.0%，需≥60%，三年合计还需增加境内研发费用60.00万元',
    );
  });

  it("needs S&T staff of at least 10% of the latest year's employees", () => {
    expect(
      conditionOf(evaluate({ figures: threeYears([{}, {}, { sciTechStaff: 10 }]) }), 'sciTechStaffShare')
        .status,
    ).toBe('met');
    const short = conditionOf(
      evaluate({ figures: threeYears([{}, {}, { sciTechStaff: 9 }]) }),
      'sciTechStaffShare',
    );
    expect(short).toMatchObject({ status: 'notMet', gap: { count: 2 } });
  });

  it("needs high-tech revenue of at least 60% of the latest year's revenue", () => {
    expect(
      conditionOf(
        evaluate({ figures: threeYears([{}, {}, { highTechRevenueFen: wan(960) }]) }),
        'highTechRevenueShare',
      ).status,
    ).toBe('met');
    const short = conditionOf(
      evaluate({ figures: threeYears([{}, {}, { highTechRevenueFen: wan(960) - 1 }]) }),
      'highTechRevenueShare',
    );
    // (960万 − 1分 + x) / (1600万 + x) ≥ 60% → x = 2.5分, so 3分.
    expect(short).toMatchObject({ status: 'notMet', gap: { amountFen: 3 } });
    // Only the latest year counts: a weak earlier year does not matter.
    expect(
      conditionOf(
        evaluate({ figures: threeYears([{ highTechRevenueFen: 0 }, {}, {}]) }),
        'highTechRevenueShare',
      ).status,
    ).toBe('met');
  });

  it('needs a full year since registration (含 the anniversary)', () => {
    expect(conditionOf(evaluate({ registeredOn: '2023-06-01' }), 'registeredYears').status).toBe('met');
    const early = conditionOf(evaluate({ registeredOn: '2023-06-02' }), 'registeredYears');
    expect(early).toMatchObject({ status: 'notMet', gap: { days: 1 } });
    expect(early.gap?.text.zh).toBe('注册成立未满一年，还差1天（2024-06-02起可申报）');
  });

  it('needs IP, a supported field and a clean record; undecided until declared', () => {
    const noIp = evaluate({ figures: threeYears([{}, {}, { ipClass1Count: 0, ipSelfDevelopedCount: 0 }]) });
    expect(conditionOf(noIp, 'ipOwnership').status).toBe('notMet');
    expect(conditionOf(evaluate({ hasCoreIpSupport: undefined }), 'ipOwnership').status).toBe('unknown');
    expect(conditionOf(evaluate({ technologyField: null }), 'technologyField').status).toBe('notMet');
    expect(conditionOf(evaluate({ technologyField: 'retail' }), 'technologyField').status).toBe('notMet');
    expect(conditionOf(evaluate({ technologyField: undefined }), 'technologyField').status).toBe('unknown');
    expect(conditionOf(evaluate({ hasCleanRecord: false }), 'cleanRecord').status).toBe('notMet');
  });

  it('leaves an enterprise meeting every figure condition to the experts', () => {
    const result = evaluate();
    const open = result.conditions
      .filter((condition) => condition.status !== 'met')
      .map((condition) => condition.code);
    expect(open).toEqual(['innovationScore']);
    expect(result.status).toBe('unknown');
    expect(result.gaps).toEqual([]);
  });

  it('names the documents it applied', () => {
    expect(evaluate().documentNumbers).toEqual(['国科发火〔2016〕32号', '国科发火〔2016〕195号']);
  });
});
