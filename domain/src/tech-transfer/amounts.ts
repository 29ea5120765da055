/**
 * 技术交易额 = 合同成交额 − 非技术性费用 (equipment, instruments, parts, materials bought for the
 * contract). Reasonable technology-carrier costs are not 非技术性费用 and stay in. Amounts in 分.
 */
export const NON_TECHNICAL_COST_KINDS = ['equipment', 'instrument', 'parts', 'materials', 'other'] as const;
export type NonTechnicalCostKind = (typeof NON_TECHNICAL_COST_KINDS)[number];

export interface NonTechnicalCostLine {
  kind: NonTechnicalCostKind;
  description: string;
  amountFen: number;
}

export type TechAmountProblem = 'negativeLine' | 'exceedsContract';

/** The 技术交易额, or why the lines cannot give one (never negative, never above 成交额). */
export function computeTechTransactionFen(
  contractFen: number,
  lines: readonly Pick<NonTechnicalCostLine, 'amountFen'>[],
): { ok: true; techFen: number; nonTechnicalFen: number } | { ok: false; problem: TechAmountProblem } {
  if (lines.some((line) => line.amountFen < 0)) return { ok: false, problem: 'negativeLine' };
  const nonTechnicalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  if (nonTechnicalFen > contractFen) return { ok: false, problem: 'exceedsContract' };
  return { ok: true, techFen: contractFen - nonTechnicalFen, nonTechnicalFen };
}

/** 技术交易额 of 500万元 and above is a large contract: 30 working days to register, not 15. */
export const LARGE_CONTRACT_TECH_FEN = 500 * 1_000_000;
