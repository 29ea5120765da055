import { describe, expect, it } from 'vitest';
import { describeIssue } from '../i18n';
import { buildFigures, wan } from './build-figures';
import { enterpriseYearFiguresSchema, FIGURES_FIELD_LABELS, RULE_ISSUE_MESSAGES } from './enterprise-figures';

function issuesOf(input: unknown) {
  const result = enterpriseYearFiguresSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    key: (issue as { params?: { key?: string } }).params?.key,
  }));
}

describe('enterprise year figures', () => {
  it('accepts consistent figures, including every limit reached exactly', () => {
    expect(issuesOf(buildFigures())).toEqual([]);
    expect(
      issuesOf(
        buildFigures({
          sciTechStaff: 100,
          employees: 100,
          rdExpenseDomesticFen: wan(80),
          rdExpenseFen: wan(80),
          highTechRevenueFen: wan(2000),
          revenueFen: wan(2000),
          ipClass1Count: 1,
          ipClass2Count: 2,
          ipSelfDevelopedCount: 3,
        }),
      ),
    ).toEqual([]);
  });

  it('accepts negative net assets when liabilities exceed assets', () => {
    expect(issuesOf(buildFigures({ totalAssetsFen: wan(100), liabilitiesFen: wan(150) }))).toEqual([]);
  });

  it('refuses contradicting figures and names the field', () => {
    expect(issuesOf(buildFigures({ sciTechStaff: 101 }))).toEqual([
      { path: 'sciTechStaff', key: 'figures.sciTechStaffAboveEmployees' },
    ]);
    expect(issuesOf(buildFigures({ rdExpenseDomesticFen: wan(80) + 1 }))).toEqual([
      { path: 'rdExpenseDomesticFen', key: 'figures.domesticRdAboveTotal' },
    ]);
    expect(issuesOf(buildFigures({ highTechRevenueFen: wan(2000) + 1 }))).toEqual([
      { path: 'highTechRevenueFen', key: 'figures.highTechRevenueAboveRevenue' },
    ]);
    expect(issuesOf({ ...buildFigures(), netAssetsFen: wan(2000) + 1 })).toEqual([
      { path: 'netAssetsFen', key: 'figures.netAssetsMismatch' },
    ]);
    expect(issuesOf(buildFigures({ ipClass1Count: 1, ipClass2Count: 1, ipSelfDevelopedCount: 3 }))).toEqual([
      { path: 'ipSelfDevelopedCount', key: 'figures.selfDevelopedIpAboveTotal' },
    ]);
  });

  it('refuses negative amounts and counts field by field', () => {
    for (const field of ['revenueFen', 'costFen', 'rdExpenseFen', 'employees', 'ipClass2Count'] as const) {
      const issues = issuesOf({ ...buildFigures(), [field]: -1 });
      expect(issues).toContainEqual({ path: field, key: 'figures.negative' });
    }
  });

  it('refuses fractions of a 分 and unknown fields', () => {
    expect(issuesOf(buildFigures({ revenueFen: 1.5 }))[0].path).toBe('revenueFen');
    expect(issuesOf({ ...buildFigures(), profitFen: 1 })).toHaveLength(1);
  });

  it('has a label for every field and a message for every refinement, in both languages', () => {
    for (const field of Object.keys(enterpriseYearFiguresSchema.shape)) {
      expect(FIGURES_FIELD_LABELS[field]?.zh, field).toBeTruthy();
      expect(FIGURES_FIELD_LABELS[field]?.en, field).toBeTruthy();
    }
    const result = enterpriseYearFiguresSchema.safeParse(buildFigures({ sciTechStaff: 101 }));
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(describeIssue(issue, 'zh-CN', FIGURES_FIELD_LABELS)).toMatch(/^科技人员数/);
    const key = (issue as { params?: { key?: string } }).params?.key ?? '';
    expect(RULE_ISSUE_MESSAGES[key]).toEqual({
      zh: '不能多于职工总数',
      en: 'cannot exceed the number of employees',
    });
  });
});
