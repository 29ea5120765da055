import { z } from 'zod';
import { ENTERPRISE_SIZES, INDUSTRIES } from '../dictionaries/enterprise';
import { ENTERPRISE_STATUSES } from '../workflows/enterprise-verification';
import {
  creditCodeSchema,
  dateSchema,
  listQuerySchema,
  pageSchema,
  passwordSchema,
  phoneSchema,
  textSchema,
  versionSchema,
} from './common';

export const enterpriseRegisterSchema = z.strictObject({
  creditCode: creditCodeSchema,
  name: textSchema(100),
  contactName: textSchema(40),
  contactPhone: phoneSchema,
  contactEmail: z.email().max(120).optional(),
  password: passwordSchema,
});
export type EnterpriseRegister = z.infer<typeof enterpriseRegisterSchema>;

export const enterpriseProfileSchema = z.strictObject({
  version: versionSchema,
  name: textSchema(100),
  contactName: textSchema(40),
  contactPhone: phoneSchema,
  contactEmail: z.email().max(120).nullable().optional(),
  industry: z
    .enum(INDUSTRIES.map((item) => item.code) as [string, ...string[]])
    .nullable()
    .optional(),
  street: z.string().trim().min(1).max(40).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  foundedOn: dateSchema
    .refine((value) => value <= new Date().toISOString().slice(0, 10), { params: { key: 'date.future' } })
    .nullable()
    .optional(),
  size: z
    .enum(ENTERPRISE_SIZES.map((item) => item.code) as [string, ...string[]])
    .nullable()
    .optional(),
  legalRepresentative: z.string().trim().max(40).nullable().optional(),
  registeredCapitalFen: z.number().int().min(0).max(1e15).nullable().optional(),
  businessScope: z.string().trim().max(2000).nullable().optional(),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;

export const enterpriseSchema = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  status: z.enum(ENTERPRISE_STATUSES),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  industry: z.string().nullable(),
  street: z.string().nullable(),
  address: z.string().nullable(),
  foundedOn: z.string().nullable(),
  size: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  registeredCapitalFen: z.number().nullable(),
  businessScope: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const ENTERPRISE_SORT_FIELDS = ['createdAt', 'name', 'creditCode', 'foundedOn', 'status'] as const;
export const enterpriseListQuerySchema = listQuerySchema(ENTERPRISE_SORT_FIELDS).extend({
  keyword: z.string().trim().max(100).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  industry: z.string().max(40).optional(),
  street: z.string().max(40).optional(),
  size: z.string().max(20).optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

export const enterpriseListItemSchema = enterpriseSchema.pick({
  id: true,
  creditCode: true,
  name: true,
  status: true,
  industry: true,
  street: true,
  size: true,
  foundedOn: true,
  contactName: true,
  createdAt: true,
  version: true,
});
/** A page of the list, with counts per status for the list's tabs (same filters, any status). */
export const enterprisePageSchema = pageSchema(enterpriseListItemSchema).extend({
  statusCounts: z.record(z.string(), z.number().int()),
});

export const enterpriseRegisteredSchema = z.object({ enterpriseId: z.number().int(), username: z.string() });
