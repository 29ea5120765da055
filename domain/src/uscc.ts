/**
 * 统一社会信用代码 (GB 32100-2015): normalisation, check-digit validation and generation.
 * Used by the server (request schemas) and the web forms alike.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Full-width to half-width, upper-case, drop spaces: what users paste from PDFs and Word files. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function computeUsccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new Error(`invalid USCC character at ${i + 1}`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'characters' | 'checkDigit';

/** Returns null when the (already normalised) code is valid, otherwise what is wrong with it. */
export function findUsccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (!USCC_SHAPE.test(code)) return 'characters';
  return computeUsccCheckChar(code.slice(0, 17)) === code[17] ? null : 'checkDigit';
}

export function isValidUscc(raw: string): boolean {
  return findUsccProblem(normalizeUscc(raw)) === null;
}

/** Builds a valid enterprise code (登记管理部门 9, 类别 1) for a region from a 9-character body. */
export function buildUscc(regionCode: string, body: string): string {
  const first17 = `91${regionCode}${body}`;
  return first17 + computeUsccCheckChar(first17);
}
