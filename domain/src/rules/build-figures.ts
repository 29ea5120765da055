import type { EnterpriseYearFigures } from './enterprise-figures';

/** 万元 in 分, for readable fixtures. */
export function wan(amount: number): number {
  return Math.round(amount * 1_000_000);
}

/** A consistent enterprise-year for tests: a small firm that meets nothing in particular; override what matters. */
export function buildFigures(overrides: Partial<EnterpriseYearFigures> = {}): EnterpriseYearFigures {
  const totalAssetsFen = overrides.totalAssetsFen ?? wan(3000);
  const liabilitiesFen = overrides.liabilitiesFen ?? wan(1000);
  return {
    year: 2023,
    employees: 100,
    sciTechStaff: 20,
    revenueFen: wan(2000),
    costFen: wan(1800),
    totalAssetsFen,
    liabilitiesFen,
    netAssetsFen: totalAssetsFen - liabilitiesFen,
    rdExpenseFen: wan(80),
    rdExpenseDomesticFen: wan(80),
    highTechRevenueFen: wan(1300),
    ipClass1Count: 0,
    ipClass2Count: 0,
    ipSelfDevelopedCount: 0,
    conversionsCount: 0,
    industrialOutputFen: 0,
    isAboveDesignatedSize: false,
    ...overrides,
  };
}
