import { type EnterpriseYearFigures, parseWanYuanToFen } from '@kechuang/domain';
import { fenToWanYuanText } from '../../app/wan-yuan';

/** Money fields, entered in 万元 and kept as integer 分. */
export const MONEY_FIELDS = [
  'revenueFen',
  'costFen',
  'totalAssetsFen',
  'liabilitiesFen',
  'netAssetsFen',
  'rdExpenseFen',
  'rdExpenseDomesticFen',
  'highTechRevenueFen',
  'industrialOutputFen',
] as const;

/** Whole numbers: people and items. */
export const COUNT_FIELDS = [
  'employees',
  'sciTechStaff',
  'ipClass1Count',
  'ipClass2Count',
  'ipSelfDevelopedCount',
  'conversionsCount',
] as const;

export type MoneyField = (typeof MONEY_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];

/** What the form holds: 万元 as the text typed (exact), counts as numbers. */
export type FiguresFormValues = Partial<Record<MoneyField, string | null>> &
  Partial<Record<CountField, number | null>> & { isAboveDesignatedSize?: boolean };

/** 万元 text to exact 分; a leading minus is allowed (净资产 may be negative). Throws on malformed text. */
export function parseSignedWanYuan(text: string): number {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed.startsWith('-')) return -parseWanYuanToFen(trimmed.slice(1));
  return parseWanYuanToFen(trimmed);
}

/** Exact 万元 text of integer 分, negative amounts included. */
export function fenToText(fen: number): string {
  return fen < 0 ? `-${fenToWanYuanText(-fen)}` : fenToWanYuanText(fen);
}

/** The 分 of a money field, or undefined when it is empty or cannot be read. */
export function moneyOf(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return parseSignedWanYuan(value);
  } catch {
    return undefined;
  }
}

export function toFormValues(figures: EnterpriseYearFigures | undefined): FiguresFormValues {
  if (!figures) {
    return {
      ...Object.fromEntries(MONEY_FIELDS.map((field) => [field, ''])),
      ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, null])),
      isAboveDesignatedSize: false,
    };
  }
  return {
    ...Object.fromEntries(MONEY_FIELDS.map((field) => [field, fenToText(figures[field])])),
    ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, figures[field]])),
    isAboveDesignatedSize: figures.isAboveDesignatedSize,
  };
}

/**
 * The figures of the form, for saving (`strict`: every field must be filled) or for the live preview
 * (empty or half-typed fields count as 0, so the score moves as the user types).
 */
export function toFigures(
  year: number,
  values: FiguresFormValues,
  mode: 'strict' | 'preview',
): EnterpriseYearFigures | null {
  const result: Record<string, number | boolean> = { year };
  for (const field of MONEY_FIELDS) {
    const fen = moneyOf(values[field]);
    if (fen === undefined && mode === 'strict') return null;
    result[field] = fen ?? 0;
  }
  for (const field of COUNT_FIELDS) {
    const count = values[field];
    if ((count === null || count === undefined) && mode === 'strict') return null;
    result[field] = typeof count === 'number' && Number.isFinite(count) ? Math.trunc(count) : 0;
  }
  result.isAboveDesignatedSize = values.isAboveDesignatedSize === true;
  return result as unknown as EnterpriseYearFigures;
}

/** How many of the fields are filled, for the preview's hint. */
export function countFilled(values: FiguresFormValues): { filled: number; total: number } {
  const filled =
    MONEY_FIELDS.filter((field) => moneyOf(values[field]) !== undefined).length +
    COUNT_FIELDS.filter((field) => typeof values[field] === 'number').length;
  return { filled, total: MONEY_FIELDS.length + COUNT_FIELDS.length };
}
