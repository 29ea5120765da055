import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../id-number';
import {
  addMonths,
  buildReportSchedule,
  checkBudgetAdjustment,
  checkExtension,
  computeCompletionRate,
  describeReportInterval,
  suggestAcceptanceOutcome,
} from './supervision';

describe('report schedule', () => {
  it('adds months and clamps to the month end', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2021-03-01', 12)).toBe('2022-03-01');
  });

  it('puts a half-yearly report after each six months until the end, the last period left to the final report', () => {
    const periods = buildReportSchedule({ startOn: '2021-01-01', endOn: '2022-12-31', intervalMonths: 6 });
    expect(periods.map((period) => period.dueOn)).toEqual(['2021-07-01', '2022-01-01', '2022-07-01']);
    expect(periods[0]).toEqual({
      periodNo: 1,
      periodStart: '2021-01-01',
      periodEnd: '2021-06-30',
      dueOn: '2021-07-01',
    });
    expect(describeReportInterval(6).zh).toBe('半年度执行情况报告');
  });

  it('reports yearly or quarterly when configured so, and a short project may have none', () => {
    expect(
      buildReportSchedule({ startOn: '2020-07-01', endOn: '2022-06-30', intervalMonths: 12 }),
    ).toHaveLength(1);
    expect(
      buildReportSchedule({ startOn: '2021-01-01', endOn: '2021-12-31', intervalMonths: 3 }),
    ).toHaveLength(3);
    expect(buildReportSchedule({ startOn: '2021-01-01', endOn: '2021-05-31', intervalMonths: 6 })).toEqual(
      [],
    );
  });
});

describe('completion rate and the 安阳 thresholds', () => {
  it('counts completed targets over all targets, a partly completed one as half', () => {
    expect(computeCompletionRate([])).toBeNull();
    expect(
      computeCompletionRate([
        { completion: 'yes' },
        { completion: 'yes' },
        { completion: 'partly' },
        { completion: 'no' },
      ]),
    ).toBe(0.625);
  });

  it('suggests 不通过 under 80 %, 需要复议 under 90 %, else 通过', () => {
    expect(suggestAcceptanceOutcome(0.79).outcome).toBe('failed');
    expect(suggestAcceptanceOutcome(0.8).outcome).toBe('needsReconsideration');
    expect(suggestAcceptanceOutcome(0.89).text.zh).toContain('需要复议');
    expect(suggestAcceptanceOutcome(0.9).outcome).toBe('passed');
    expect(suggestAcceptanceOutcome(null).outcome).toBeNull();
  });
});

describe('extension rule: once, at most one year', () => {
  it('accepts up to one year after the contracted end', () => {
    expect(
      checkExtension({ endOn: '2022-12-31', newEndOn: '2023-12-31', hasOtherExtension: false }),
    ).toBeNull();
  });
  it('refuses more than a year, an earlier date, and a second extension, in Chinese naming the field', () => {
    expect(
      checkExtension({ endOn: '2022-12-31', newEndOn: '2024-01-01', hasOtherExtension: false })?.message.zh,
    ).toBe('延期后的结束日期：延期不能超过一年（最晚 2023-12-31）');
    expect(
      checkExtension({ endOn: '2022-12-31', newEndOn: '2022-12-31', hasOtherExtension: false })?.path,
    ).toBe('newEndOn');
    expect(
      checkExtension({ endOn: '2022-12-31', newEndOn: '2023-06-30', hasOtherExtension: true })?.message.zh,
    ).toContain('只能延期一次');
  });
});

describe('budget adjustment', () => {
  const row = (
    category: 'equipment' | 'business' | 'labour' | 'indirect',
    fiscalFen: number,
    selfRaisedFen = 0,
  ) => ({
    category,
    fiscalFen,
    selfRaisedFen,
    otherFen: 0,
  });
  it('accepts rows within the approved funds and the previous total', () => {
    expect(
      checkBudgetAdjustment({
        rows: [row('equipment', 300_000_00), row('business', 200_000_00, 100_000_00)],
        approvedFen: 500_000_00,
        previousTotalFen: 600_000_00,
      }),
    ).toEqual([]);
  });
  it('names the repeated row and the sums that exceed', () => {
    const problems = checkBudgetAdjustment({
      rows: [row('equipment', 400_000_00), row('equipment', 200_000_00, 100_000_00)],
      approvedFen: 500_000_00,
      previousTotalFen: 600_000_00,
    });
    expect(problems.map((problem) => problem.path)).toEqual(['budget.1.category', 'budget', 'budget']);
    expect(problems[1].message.zh).toBe('调整后预算：财政资金合计 60.00 万元，超过立项批准的 50.00 万元');
    expect(problems[2].message.zh).toContain('超过调整前的 60.00 万元');
  });
});

it('masks ID numbers', () => {
  expect(maskIdNumber('110101199001011234')).toBe('110101********1234');
  expect(maskIdNumber(null)).toBeNull();
});
