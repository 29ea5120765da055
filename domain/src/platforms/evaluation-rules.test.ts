import { describe, expect, it } from 'vitest';
import {
  consequenceOf,
  DEFAULT_EVALUATION_RULE,
  type EvaluationRule,
  gradeForScore,
} from './evaluation-rules';

const rule = DEFAULT_EVALUATION_RULE;

describe('the grade-consequence rules', () => {
  it('grades a score on the scale', () => {
    expect([95, 90, 89, 80, 60, 59, 0].map((score) => gradeForScore(rule, score))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'fail',
      'fail',
    ]);
  });

  it('warns after one 不合格 and revokes after two in consecutive years', () => {
    expect(consequenceOf(rule, [{ year: 2020, grade: 'fail' }], null)).toEqual({
      consecutiveFailing: 1,
      consequence: 'warn',
    });
    const twice = [
      { year: 2019, grade: 'fail' },
      { year: 2020, grade: 'fail' },
    ];
    expect(consequenceOf(rule, twice, null).consequence).toBe('revoke');
    expect(consequenceOf(rule, [...twice, { year: 2018, grade: 'fail' }], null).consecutiveFailing).toBe(3);
  });

  it('does not join failures across a passing year or a year without a grade', () => {
    const passedBetween = [
      { year: 2018, grade: 'fail' },
      { year: 2019, grade: 'pass' },
      { year: 2020, grade: 'fail' },
    ];
    expect(consequenceOf(rule, passedBetween, null).consequence).toBe('warn');
    const gap = [
      { year: 2018, grade: 'fail' },
      { year: 2020, grade: 'fail' },
    ];
    expect(consequenceOf(rule, gap, null).consecutiveFailing).toBe(1);
    expect(consequenceOf(rule, [{ year: 2020, grade: 'good' }], null).consequence).toBe('none');
  });

  it('starts counting afresh after an upgrade', () => {
    const history = [
      { year: 2019, grade: 'fail' },
      { year: 2020, grade: 'fail' },
    ];
    expect(consequenceOf(rule, history, 2019)).toEqual({ consecutiveFailing: 1, consequence: 'warn' });
    expect(consequenceOf(rule, history, 2020).consequence).toBe('none');
  });

  it('follows a type rule given as data (合格/不合格, revoked after the first failure, no warning)', () => {
    const strict: EvaluationRule = {
      grades: [
        { code: 'pass', label: '合格', minScore: 60 },
        { code: 'fail', label: '不合格', minScore: 0, failing: true },
      ],
      warnAfterConsecutive: 0,
      revokeAfterConsecutive: 1,
    };
    expect(consequenceOf(strict, [{ year: 2020, grade: 'fail' }], null).consequence).toBe('revoke');
    expect(consequenceOf(strict, [{ year: 2020, grade: 'pass' }], null).consequence).toBe('none');
  });
});
