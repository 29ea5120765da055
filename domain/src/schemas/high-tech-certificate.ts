import { z } from 'zod';
import { PROVINCE_CODES } from '../dictionaries/provinces';
import type { FieldLabels, Text } from '../i18n';
import { dateSchema, listQuerySchema, pageSchema, versionSchema } from './common';

/**
 * 高新技术企业证书编号: GR + 4-digit year + 2-digit province code (GB/T 2260) + 6-digit serial, 14 characters,
 * e.g. GR202311004043. Certificates of the 2008 rules' 复审 carried GF (DOMAIN-RULES §2).
 */
export const HIGH_TECH_CERTIFICATE_PATTERN = /^G[RF](19|20)\d{2}\d{2}\d{6}$/;
export const HIGH_TECH_VALIDITY_YEARS = 3;
/** A certificate is `expiring` from this many months before its expiry date (the reminder goes out then). */
export const HIGH_TECH_REMINDER_MONTHS = 6;

export const HIGH_TECH_CERTIFICATE_FIELD_LABELS: FieldLabels = {
  certificateNumber: { zh: '高新技术企业证书编号', en: 'Certificate number' },
  issuedOn: { zh: '发证日期', en: 'Issue date' },
};

/** Why a well-formed number does not hold together (unknown province, year other than the issue year), or null. */
export function findCertificateNumberProblem(certificateNumber: string, issuedOn: string): Text | null {
  const province = certificateNumber.slice(6, 8);
  if (!PROVINCE_CODES.some((item) => item.code === province)) {
    return {
      zh: `高新技术企业证书编号：第 7–8 位省份代码（${province}）不是有效的省级行政区划代码`,
      en: `Certificate number: ${province} is not a province code`,
    };
  }
  const numberYear = certificateNumber.slice(2, 6);
  if (numberYear !== issuedOn.slice(0, 4)) {
    return {
      zh: `高新技术企业证书编号：第 3–6 位年度（${numberYear}）应与发证日期的年度（${issuedOn.slice(0, 4)}）一致`,
      en: `Certificate number: its year (${numberYear}) differs from the issue year`,
    };
  }
  return null;
}

/** Adds months to a YYYY-MM-DD date; a day that does not exist in the target month becomes its last day. */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const totalMonths = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return result.toISOString().slice(0, 10);
}

/** The certificate is valid for three years from its issue date and no longer valid from this date on. */
export function computeCertificateExpiry(issuedOn: string): string {
  return addMonthsToDate(issuedOn, HIGH_TECH_VALIDITY_YEARS * 12);
}

export const CERTIFICATE_VALIDITIES = ['valid', 'expiring', 'expired'] as const;
export type CertificateValidity = (typeof CERTIFICATE_VALIDITIES)[number];
export const CERTIFICATE_VALIDITY_LABELS: Record<CertificateValidity, Text> = {
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
};

/** The date from which a certificate counts as expiring (six months before expiry). */
export function computeReminderDate(expiresOn: string): string {
  return addMonthsToDate(expiresOn, -HIGH_TECH_REMINDER_MONTHS);
}

export function computeCertificateValidity(expiresOn: string, asOf: string): CertificateValidity {
  if (asOf >= expiresOn) return 'expired';
  if (asOf >= computeReminderDate(expiresOn)) return 'expiring';
  return 'valid';
}

export const highTechCertificateInputSchema = z.strictObject({
  enterpriseId: z.number().int().positive().max(2_147_483_647),
  certificateNumber: z.string().trim().toUpperCase().regex(HIGH_TECH_CERTIFICATE_PATTERN),
  issuedOn: dateSchema.refine((value) => value <= new Date().toISOString().slice(0, 10), {
    params: { key: 'date.future' },
  }),
});
export type HighTechCertificateInput = z.infer<typeof highTechCertificateInputSchema>;

export const highTechCertificateUpdateSchema = highTechCertificateInputSchema
  .omit({ enterpriseId: true })
  .extend({ version: versionSchema });
export type HighTechCertificateUpdate = z.infer<typeof highTechCertificateUpdateSchema>;

export const highTechCertificateSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  certificateNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  validity: z.enum(CERTIFICATE_VALIDITIES),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HighTechCertificate = z.infer<typeof highTechCertificateSchema>;

export const highTechCertificateListQuerySchema = listQuerySchema([
  'issuedOn',
  'expiresOn',
  'name',
] as const).extend({
  validity: z.enum(CERTIFICATE_VALIDITIES).optional(),
  /** The year of issue (the recognition batch's year). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type HighTechCertificateListQuery = z.infer<typeof highTechCertificateListQuerySchema>;

export const highTechCertificatePageSchema = pageSchema(highTechCertificateSchema);
