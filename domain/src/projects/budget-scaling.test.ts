import { describe, expect, it } from 'vitest';
import { scaleFiscalColumn, sumBudgetRows } from './budget-scaling';

const row = (category: string, fiscalFen: number) => ({
  category,
  fiscalFen,
  selfRaisedFen: 100,
  otherFen: 0,
});

describe('scaling the fiscal column to the approved amount', () => {
  it('keeps the rows when the approved amount is what was requested', () => {
    const rows = [row('equipment', 600), row('business', 400)];
    expect(scaleFiscalColumn(rows, 1000)).toEqual(rows);
  });

  it('scales in proportion: 100万 requested, 80万 approved', () => {
    const rows = [row('equipment', 60_000_000), row('business', 30_000_000), row('labour', 10_000_000)];
    const scaled = scaleFiscalColumn(rows, 80_000_000);
    expect(scaled.map((item) => item.fiscalFen)).toEqual([48_000_000, 24_000_000, 8_000_000]);
    expect(scaled[0].selfRaisedFen).toBe(100);
  });

  it('adds up to the approved amount exactly when shares do not divide', () => {
    const rows = [row('equipment', 1), row('business', 1), row('labour', 1)];
    const scaled = scaleFiscalColumn(rows, 100);
    expect(scaled.map((item) => item.fiscalFen)).toEqual([34, 33, 33]);
    expect(sumBudgetRows(scaled).fiscalFen).toBe(100);
  });

  it('handles large amounts without floating-point drift', () => {
    const rows = [row('equipment', 333_333_333), row('business', 666_666_667)];
    const scaled = scaleFiscalColumn(rows, 777_777_777);
    expect(sumBudgetRows(scaled).fiscalFen).toBe(777_777_777);
  });

  it('puts everything on the first row when nothing was requested', () => {
    expect(
      scaleFiscalColumn([row('equipment', 0), row('business', 0)], 500).map((item) => item.fiscalFen),
    ).toEqual([500, 0]);
    expect(scaleFiscalColumn([], 500)).toEqual([]);
  });
});
