import { z } from 'zod';
import { isStrongPassword } from '../password-policy';
import { findUsccProblem, normalizeUscc } from '../uscc';

export const idParamSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const versionSchema = z.number().int().min(1).max(2_147_483_647);

/** A 统一社会信用代码 field: normalised (full-width, lower case, spaces) and checked. */
export const creditCodeSchema = z
  .string()
  .max(64)
  .transform(normalizeUscc)
  .superRefine((code, context) => {
    const problem = findUsccProblem(code);
    if (problem) context.addIssue({ code: 'custom', params: { key: `uscc.${problem}` }, input: code });
  });

export const passwordSchema = z
  .string()
  .max(128)
  .refine(isStrongPassword, { params: { key: 'password.weak' } });

/** Mobile (11 digits starting 1) or landline with area code, e.g. 0537-2345678. */
export const phoneSchema = z
  .string()
  .trim()
  .refine((value) => /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value), {
    params: { key: 'phone.invalid' },
  });

export const dateSchema = z.string().refine(
  (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  },
  { params: { key: 'date.invalid' } },
);

export const textSchema = (max: number) => z.string().trim().min(1).max(max);

export const sortOrderSchema = z.enum(['asc', 'desc']);

export function listQuerySchema<const TSort extends readonly [string, ...string[]]>(sortFields: TSort) {
  return z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(sortFields).optional(),
    order: sortOrderSchema.default('desc'),
  });
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });
