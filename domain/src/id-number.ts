/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and a check
 * character computed by ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'checkDigit';

/** Upper-cases the check character and removes spaces and full-width digits. */
export function normalizeIdNumber(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase();
}

export function computeIdNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * WEIGHTS[index];
  return CHECK_CHARACTERS[sum % 11];
}

/** What is wrong with an 18-character 身份证号, or `null` when it is valid. */
export function findIdNumberProblem(value: string, today = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(value);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birth ||
    date.getTime() > today.getTime() ||
    Number(id.slice(6, 10)) < 1900
  )
    return 'birthDate';
  if (computeIdNumberCheckCharacter(id) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(value: string): boolean {
  return findIdNumberProblem(value) === null;
}

/** `370811********1234`: the region and the last four kept, the birth date and sequence hidden. */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.includes('*')) return value;
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export const ID_NUMBER_ISSUE_MESSAGES = {
  'idNumber.length': { zh: '应为 18 位', en: 'must be 18 characters' },
  'idNumber.characters': { zh: '只能是数字，最后一位可为 X', en: 'must be digits, the last may be X' },
  'idNumber.birthDate': { zh: '出生日期不正确', en: 'has an invalid birth date' },
  'idNumber.checkDigit': { zh: '校验位不正确，请核对', en: 'has a wrong check digit' },
} as const;
