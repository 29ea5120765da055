/**
 * When the approved district funding differs from what was requested, the 任务书's fiscal column is
 * scaled to the approved amount: each row in proportion, rounded to whole 分 by the largest-remainder
 * method, so the column adds up to the approved amount exactly.
 */
export interface FiscalRow {
  fiscalFen: number;
}

export function scaleFiscalColumn<T extends FiscalRow>(rows: readonly T[], approvedFen: number): T[] {
  if (rows.length === 0) return [];
  const requestedFen = rows.reduce((sum, row) => sum + row.fiscalFen, 0);
  if (requestedFen === approvedFen) return rows.map((row) => ({ ...row }));
  if (requestedFen === 0) {
    // Nothing to scale by: the whole approved amount goes to the first row.
    return rows.map((row, index) => ({ ...row, fiscalFen: index === 0 ? approvedFen : 0 }));
  }
  const shares = rows.map((row, index) => {
    const exact = (BigInt(row.fiscalFen) * BigInt(approvedFen) * 1000n) / BigInt(requestedFen);
    return { index, floor: Number(exact / 1000n), remainder: Number(exact % 1000n) };
  });
  let left = approvedFen - shares.reduce((sum, share) => sum + share.floor, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of byRemainder) {
    if (left <= 0) break;
    share.floor += 1;
    left -= 1;
  }
  return rows.map((row, index) => ({ ...row, fiscalFen: shares[index].floor }));
}

/** The column sums of a budget table, for checking an edited 任务书 budget. */
export function sumBudgetRows(
  rows: readonly { fiscalFen: number; selfRaisedFen: number; otherFen: number }[],
) {
  return rows.reduce(
    (sum, row) => ({
      fiscalFen: sum.fiscalFen + row.fiscalFen,
      selfRaisedFen: sum.selfRaisedFen + row.selfRaisedFen,
      otherFen: sum.otherFen + row.otherFen,
    }),
    { fiscalFen: 0, selfRaisedFen: 0, otherFen: 0 },
  );
}
