import { describe, expect, it } from 'vitest';
import {
  agePoints,
  classifyForeignTalent,
  experiencePoints,
  type ForeignTalentFacts,
  salaryPoints,
  type WageBase,
  workTimePoints,
} from './work-permit';

const WAN = 1_000_000;
const wageBase: WageBase = {
  city: '济宁市',
  year: 2019,
  averageWageFen: 8 * WAN,
  basis: '全口径城镇单位就业人员平均工资',
};

/** A 35-year-old doctor earning 35 万 with 10 years' experience, a full year in China and one bonus item: 85 points. */
function facts(overrides: Partial<ForeignTalentFacts> = {}): ForeignTalentFacts {
  return {
    birthYear: 1985,
    degree: 'doctor',
    annualSalaryFen: 35 * WAN,
    relevantYears: 10,
    workMonths: 12,
    chineseLevel: 0,
    aQualifications: [],
    bonusItems: ['patent'],
    skillCertificate: false,
    languageTeacher: false,
    shortTermOrQuota: false,
    localBonus: 0,
    ...overrides,
  };
}

describe('the points table (2017)', () => {
  it('bands the salary in 万元 at each boundary', () => {
    expect(salaryPoints(45)).toBe(20);
    expect(salaryPoints(44.99)).toBe(17);
    expect(salaryPoints(35)).toBe(17);
    expect(salaryPoints(25)).toBe(14);
    expect(salaryPoints(15)).toBe(11);
    expect(salaryPoints(7)).toBe(8);
    expect(salaryPoints(5)).toBe(5);
    expect(salaryPoints(4.99)).toBe(0);
  });
  it('scores age, experience and working time by the table', () => {
    expect([17, 18, 25, 26, 45, 46, 55, 56, 60, 61].map(agePoints)).toEqual([
      0, 10, 10, 15, 15, 10, 10, 5, 5, 0,
    ]);
    expect([1, 2, 3, 17, 30].map(experiencePoints)).toEqual([0, 5, 6, 20, 20]);
    expect([2, 3, 6, 9, 12].map(workTimePoints)).toEqual([0, 5, 10, 15, 15]);
  });
  it('caps the bonus items at 5 whatever their number', () => {
    const result = classifyForeignTalent(facts({ bonusItems: ['patent', 'fortune-500', 'top-university'] }), {
      evaluationYear: 2020,
      wageBase: null,
    });
    expect(result.points.bonus).toBe(5);
  });
});

describe('classifyForeignTalent', () => {
  it('reaches A at exactly 85 points and B at 84', () => {
    const at85 = classifyForeignTalent(facts(), { evaluationYear: 2020, wageBase: null });
    expect(at85.points).toEqual({
      salary: 17,
      education: 20,
      experience: 13,
      workTime: 15,
      chinese: 0,
      region: 0,
      age: 15,
      bonus: 5,
      local: 0,
    });
    expect(at85.totalPoints).toBe(85);
    expect(at85.permitClass).toBe('A');
    const at84 = classifyForeignTalent(facts({ relevantYears: 9 }), { evaluationYear: 2020, wageBase: null });
    expect(at84.totalPoints).toBe(84);
    expect(at84.permitClass).toBe('B');
    expect(at84.nextClassHints.map((hint) => hint.zh)).toContain('积分再增加 1 分（达到 85 分）可认定 A 类');
    expect(at84.toConfirm).toHaveLength(1);
  });

  it('makes A directly at 6 times the local average wage, not a fen below', () => {
    const lowPoints = { relevantYears: 2, workMonths: 6, bonusItems: [] } as const;
    const at6 = classifyForeignTalent(facts({ ...lowPoints, annualSalaryFen: 48 * WAN }), {
      evaluationYear: 2020,
      wageBase,
    });
    expect(at6.totalPoints).toBeLessThan(85);
    expect(at6.permitClass).toBe('A');
    expect(at6.reasons[0].zh).toContain('6 倍');
    const below = classifyForeignTalent(facts({ ...lowPoints, annualSalaryFen: 48 * WAN - 1 }), {
      evaluationYear: 2020,
      wageBase,
    });
    expect(below.permitClass).toBe('B');
    expect(below.nextClassHints[0].zh).toBe('年薪达到当地平均工资 6 倍（48 万元）即可直接认定 A 类');
  });

  it('makes B by 4 times the wage alone, and needs the wage base to test it', () => {
    const noDegree = facts({
      degree: 'other',
      relevantYears: 1,
      workMonths: 3,
      bonusItems: [],
      annualSalaryFen: 32 * WAN,
    });
    expect(classifyForeignTalent(noDegree, { evaluationYear: 2020, wageBase }).permitClass).toBe('B');
    expect(
      classifyForeignTalent(
        { ...noDegree, annualSalaryFen: 32 * WAN - 1 },
        { evaluationYear: 2020, wageBase },
      ).permitClass,
    ).toBe('NONE');
    expect(classifyForeignTalent(noDegree, { evaluationYear: 2020, wageBase: null }).permitClass).toBe(
      'NONE',
    );
  });

  it('limits B to 60 years of age but not A', () => {
    const professional = facts({ relevantYears: 5, bonusItems: [], annualSalaryFen: 10 * WAN });
    const at60 = classifyForeignTalent(
      { ...professional, birthYear: 1960 },
      { evaluationYear: 2020, wageBase },
    );
    expect(at60.age).toBe(60);
    expect(at60.permitClass).toBe('B');
    const at61 = classifyForeignTalent(
      { ...professional, birthYear: 1959 },
      { evaluationYear: 2020, wageBase },
    );
    expect(at61.permitClass).toBe('NONE');
    expect(at61.nextClassHints[0].zh).toContain('超过 60 周岁');
    const programme = classifyForeignTalent(
      { ...professional, birthYear: 1950, aQualifications: ['programme'] },
      { evaluationYear: 2020, wageBase },
    );
    expect(programme.permitClass).toBe('A');
    expect(programme.reasons[0].zh).toBe('入选国内人才引进计划');
  });

  it('falls to C only on a short-term or quota route', () => {
    const short = facts({
      degree: 'other',
      relevantYears: 0,
      workMonths: 2,
      bonusItems: [],
      annualSalaryFen: 3 * WAN,
    });
    expect(classifyForeignTalent(short, { evaluationYear: 2020, wageBase }).permitClass).toBe('NONE');
    expect(
      classifyForeignTalent({ ...short, shortTermOrQuota: true }, { evaluationYear: 2020, wageBase })
        .permitClass,
    ).toBe('C');
  });
});
