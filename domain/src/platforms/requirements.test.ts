import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REQUIREMENTS,
  evaluateChecklist,
  prefillChecklist,
  type RequirementItem,
} from './requirements';

describe('the recognition checklist', () => {
  const items: RequirementItem[] = [
    { key: 'areaSquareMeters', label: '场地面积', min: 500, or: { key: 'desks', label: '工位', min: 30 } },
    { key: 'academicianAge', label: '院士年龄', max: 80 },
    { key: 'statistics', label: '报送统计' },
  ];

  it('meets an "或" condition by either figure, a maximum from below and a yes/no only by yes', () => {
    expect(
      evaluateChecklist(items, { areaSquareMeters: 400, desks: 30, academicianAge: 80, statistics: true }),
    ).toMatchObject({ metCount: 3, allMet: true });
    const short = evaluateChecklist(items, {
      areaSquareMeters: 499,
      desks: 29,
      academicianAge: 81,
      statistics: false,
    });
    expect(short.lines.map((line) => line.met)).toEqual([false, false, false]);
    expect(evaluateChecklist(items, {}).metCount).toBe(0);
  });

  it('follows the thresholds it is given, not fixed ones', () => {
    const lower = items.map((item) => (item.key === 'areaSquareMeters' ? { ...item, min: 300 } : item));
    expect(evaluateChecklist(lower, { areaSquareMeters: 400 }).lines[0].met).toBe(true);
    expect(evaluateChecklist(items, { areaSquareMeters: 400 }).lines[0].met).toBe(false);
  });

  it('fills empty values from the platform record and leaves the applicant’s own figures alone', () => {
    const national = DEFAULT_REQUIREMENTS.makerspace.national ?? [];
    const figures = {
      areaSquareMeters: 650,
      staffCount: 9,
      equipmentFen: null,
      firstRecognizedOn: '2019-03-15',
    };
    const filled = prefillChecklist(national, { areaSquareMeters: 480 }, figures, '2020-09-14');
    expect(filled).toMatchObject({ areaSquareMeters: 480, operatingMonths: 17 });
    expect(prefillChecklist(national, {}, figures, '2020-09-15').operatingMonths).toBe(18);
    expect(prefillChecklist(national, {}, null, '2020-09-15')).toEqual({});
  });
});
