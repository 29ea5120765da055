/**
 * 合同登记编号: 14 digits = year (2) + province (2) + 地/市 (2) + 登记点 (2) + sequence (6).
 * The current national system's format is not verified, so the codes and the accepted pattern are a
 * setting; the default is the legacy 示范文本's.
 */
export interface RegistrationNumberFormat {
  provinceCode: string;
  cityCode: string;
  registryCode: string;
  /** A regular expression every number must match (anchored). */
  pattern: string;
}

export const DEFAULT_REGISTRATION_NUMBER_FORMAT: RegistrationNumberFormat = {
  provinceCode: '37',
  cityCode: '08',
  registryCode: '01',
  pattern: '^\\d{14}$',
};

export interface RegistrationNumberParts {
  year: number;
  provinceCode: string;
  cityCode: string;
  registryCode: string;
  sequence: number;
}

const SEQUENCE_MAX = 999_999;

export function formatRegistrationNumber(
  format: RegistrationNumberFormat,
  year: number,
  sequence: number,
): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX)
    throw new RangeError('sequence must be 1–999999');
  return `${String(year % 100).padStart(2, '0')}${format.provinceCode}${format.cityCode}${format.registryCode}${String(sequence).padStart(6, '0')}`;
}

/** The parts of a number, or null when it does not fit the configured pattern and layout. */
export function parseRegistrationNumber(
  text: string,
  format: RegistrationNumberFormat = DEFAULT_REGISTRATION_NUMBER_FORMAT,
): RegistrationNumberParts | null {
  const value = text.trim();
  if (!/^\d{14}$/.test(value) || !new RegExp(format.pattern).test(value)) return null;
  const sequence = Number(value.slice(8));
  if (sequence < 1) return null;
  return {
    year: 2000 + Number(value.slice(0, 2)),
    provinceCode: value.slice(2, 4),
    cityCode: value.slice(4, 6),
    registryCode: value.slice(6, 8),
    sequence,
  };
}

/** The prefix (year + region + registry) under which this registry's sequence runs in a year. */
export function registrationNumberPrefix(format: RegistrationNumberFormat, year: number): string {
  return formatRegistrationNumber(format, year, 1).slice(0, 8);
}
