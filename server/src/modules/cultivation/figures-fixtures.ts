/** 1 万元 in 分. */
export const WAN = 1_000_000;

/**
 * A year of an above-designated-size enterprise's figures that passes every check; tests override
 * the values they are about (R&D spending above all).
 */
export function buildYearlyFigures(year: number, overrides: Record<string, number | boolean> = {}) {
  return {
    year,
    employees: 120,
    sciTechStaff: 24,
    revenueFen: 8_000 * WAN,
    costFen: 6_500 * WAN,
    totalAssetsFen: 9_000 * WAN,
    netAssetsFen: 5_000 * WAN,
    liabilitiesFen: 4_000 * WAN,
    rdExpenseFen: 420 * WAN,
    rdExpenseDomesticFen: 400 * WAN,
    highTechRevenueFen: 5_600 * WAN,
    ipClass1Count: 2,
    ipClass2Count: 8,
    ipSelfDevelopedCount: 9,
    conversionsCount: 4,
    industrialOutputFen: 7_800 * WAN,
    isAboveDesignatedSize: true,
    ...overrides,
  };
}
