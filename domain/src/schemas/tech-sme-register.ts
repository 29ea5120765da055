import { z } from 'zod';
import type { FieldLabels, Text } from '../i18n';
import { dateSchema, listQuerySchema, pageSchema, versionSchema } from './common';

/**
 * 科技型中小企业 入库登记编号: 4-digit year + 6-digit 行政区划代码 + one capital letter + 7 digits,
 * e.g. 2024341181A8020396 (DOMAIN-RULES §1.4). Only year and region carry meaning we rely on.
 */
export const TECH_SME_REGISTRATION_PATTERN = /^(19|20)\d{2}\d{6}[A-Z]\d{7}$/;

/** Why a registration number does not fit its year, or null; the format itself is checked by the schema. */
export function findTechSmeRegistrationProblem(registrationNumber: string, year: number): Text | null {
  const numberYear = Number(registrationNumber.slice(0, 4));
  if (numberYear !== year) {
    return {
      zh: `入库登记编号：前 4 位年度（${numberYear}）应与入库年度（${year}）一致`,
      en: `Registration number: its year (${numberYear}) differs from the year (${year})`,
    };
  }
  return null;
}

export const TECH_SME_FIELD_LABELS: FieldLabels = {
  registrationNumber: { zh: '入库登记编号', en: 'Registration number' },
  registeredOn: { zh: '入库日期', en: 'Registration date' },
  year: { zh: '入库年度', en: 'Year' },
};

const yearSchema = z.number().int().min(2017).max(2100);

export const techSmeRegistrationInputSchema = z.strictObject({
  enterpriseId: z.number().int().positive().max(2_147_483_647),
  year: yearSchema,
  registrationNumber: z.string().trim().toUpperCase().regex(TECH_SME_REGISTRATION_PATTERN),
  registeredOn: dateSchema,
});
export type TechSmeRegistrationInput = z.infer<typeof techSmeRegistrationInputSchema>;

export const techSmeRegistrationUpdateSchema = techSmeRegistrationInputSchema
  .omit({ enterpriseId: true })
  .extend({ version: versionSchema });
export type TechSmeRegistrationUpdate = z.infer<typeof techSmeRegistrationUpdateSchema>;

export const techSmeRegistrationSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  registrationNumber: z.string(),
  registeredOn: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TechSmeRegistration = z.infer<typeof techSmeRegistrationSchema>;

export const techSmeRegistrationListQuerySchema = listQuerySchema([
  'year',
  'registeredOn',
  'name',
] as const).extend({
  year: z.coerce.number().int().min(2017).max(2100).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type TechSmeRegistrationListQuery = z.infer<typeof techSmeRegistrationListQuerySchema>;

export const techSmeRegistrationPageSchema = pageSchema(techSmeRegistrationSchema);
