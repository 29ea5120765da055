import { describe, expect, it } from 'vitest';
import { buildFigures, wan } from './build-figures';
import { type ClassificationInput, classifyEnterprise } from './classification';
import type { EnterpriseYearFigures } from './enterprise-figures';

/** 2021–2023 figures of an enterprise that meets both schemes on its figures; survey in mid-2024. */
function figures(latest: Partial<EnterpriseYearFigures> = {}): EnterpriseYearFigures[] {
  return [2021, 2022, 2023].map((year, index) =>
    buildFigures({
      year,
      employees: 100,
      sciTechStaff: 30,
      revenueFen: wan(1600),
      costFen: wan(1400),
      rdExpenseFen: wan(100),
      rdExpenseDomesticFen: wan(100),
      highTechRevenueFen: wan(1200),
      ipClass1Count: 1,
      ipSelfDevelopedCount: 1,
      conversionsCount: 5,
      totalAssetsFen: wan([3000, 3700, 4645][index]),
      liabilitiesFen: wan(1000),
      ...(year === 2023 ? latest : {}),
    }),
  );
}

function classify(overrides: Partial<ClassificationInput> = {}) {
  return classifyEnterprise({
    figures: figures(),
    registeredOn: '2015-03-01',
    asOf: '2024-06-01',
    highTech: { technologyField: 'new-materials', hasCoreIpSupport: true, hasCleanRecord: true },
    ...overrides,
  });
}

describe('摸底 classification', () => {
  it('finds an enterprise qualified for both, with the expert review left to confirm', () => {
    const result = classify();
    expect(result.techSme.level).toBe('qualified');
    expect(result.highTech.level).toBe('qualified');
    expect(result.highTech.measures).toEqual([]);
    expect(result.highTech.toConfirm.map((condition) => condition.code)).toEqual(['innovationScore']);
  });

  it('finds an enterprise close when one condition fails, with the measure and its amount', () => {
    // Latest year 研发 20万: three years 220万 of 4800万 = 4.5%, 5% needs 240万.
    const result = classify({ figures: figures({ rdExpenseFen: wan(20), rdExpenseDomesticFen: wan(20) }) });
    expect(result.highTech.level).toBe('close');
    expect(result.highTech.missing.map((condition) => condition.code)).toEqual(['rdIntensity']);
    expect(result.highTech.measures).toEqual([
      {
        zh: '加大研发投入，按加计扣除口径设立研发费用辅助账：研发费用占比4.5%，按您的收入规模需≥5%，三年合计还差20.00万元',
        en: expect.stringContaining('CNY 200,000'),
      },
    ]);
  });

  it('finds a 科技型中小企业 close when only its S&T-staff score is 0', () => {
    const result = classify({ figures: figures({ sciTechStaff: 9 }) });
    expect(result.techSme.level).toBe('close');
    expect(result.techSme.missing.map((condition) => condition.code)).toEqual(['sciTechStaffScore']);
    expect(result.techSme.measures[0].zh).toContain('还需增加2名科技人员');
    // The same staff share also fails the 高企 10% line.
    expect(result.highTech.level).toBe('close');
  });

  it('finds an enterprise far when several conditions fail', () => {
    const result = classify({
      figures: figures({
        sciTechStaff: 5,
        highTechRevenueFen: wan(100),
        rdExpenseFen: 0,
        rdExpenseDomesticFen: 0,
      }),
    });
    expect(result.highTech.level).toBe('far');
    expect(result.highTech.missing.map((condition) => condition.code)).toEqual([
      'sciTechStaffShare',
      'rdIntensity',
      'highTechRevenueShare',
    ]);
    expect(result.highTech.measures).toHaveLength(3);
  });

  it('puts an enterprise over the size limits out of reach of 科技型中小企业 even for one condition', () => {
    const result = classify({ figures: figures({ employees: 600, sciTechStaff: 180 }) });
    expect(result.techSme.missing.map((condition) => condition.code)).toEqual(['employees']);
    expect(result.techSme.level).toBe('far');
    expect(result.techSme.measures[0].zh).toContain('宜对标高新技术企业培育');
  });

  it('asks for missing figures before classifying', () => {
    const result = classify({ figures: figures().filter((item) => item.year !== 2023) });
    expect(result.techSme).toMatchObject({ level: 'far', evaluation: null });
    expect(result.techSme.measures[0].zh).toBe('填报2023年度数据');
    expect(result.highTech.level).toBe('far');
    expect(result.highTech.measures[0].zh).toBe('填报2023年度数据');
  });

  it('counts a valid 高企 certificate as qualified and as a direct qualification', () => {
    const result = classify({
      figures: figures({ sciTechStaff: 5, rdExpenseFen: 0, rdExpenseDomesticFen: 0 }),
      hasValidHighTechCertificate: true,
    });
    expect(result.highTech.level).toBe('qualified');
    expect(result.techSme.level).toBe('qualified');
    expect(result.techSme.evaluation?.qualifiedBy).toBe('direct');
  });
});
