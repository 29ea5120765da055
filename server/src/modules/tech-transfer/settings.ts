import {
  DEFAULT_REGISTRATION_NUMBER_FORMAT,
  DEFAULT_REGISTRATION_TIME_LIMITS,
  type RegistrationNumberFormat,
  type RegistrationTimeLimits,
  type WorkCalendarDays,
} from '@kechuang/domain';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/connection';
import { settings, workCalendars } from '../../db/schema';

/** The key under which the registry's number format and time limits are kept in `settings`. */
export const TECH_TRANSFER_SETTINGS_KEY = 'tech-transfer';

const techTransferSettingsSchema = z.object({
  numberFormat: z.object({
    provinceCode: z.string().regex(/^\d{2}$/),
    cityCode: z.string().regex(/^\d{2}$/),
    registryCode: z.string().regex(/^\d{2}$/),
    pattern: z.string().min(1).max(200),
  }),
  timeLimits: z.object({
    normalDays: z.number().int().min(1).max(120),
    largeOrDisputedDays: z.number().int().min(1).max(120),
    warnBeforeDays: z.number().int().min(0).max(30),
  }),
});

export interface TechTransferSettings {
  numberFormat: RegistrationNumberFormat;
  timeLimits: RegistrationTimeLimits;
}

/** The configured format and limits; the legacy 示范文本 and the 2024 draft's limits when unset. */
export async function readTechTransferSettings(executor: Executor): Promise<TechTransferSettings> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, TECH_TRANSFER_SETTINGS_KEY));
  const parsed = techTransferSettingsSchema.safeParse(row?.value);
  if (parsed.success) return parsed.data;
  return { numberFormat: DEFAULT_REGISTRATION_NUMBER_FORMAT, timeLimits: DEFAULT_REGISTRATION_TIME_LIMITS };
}

/** Holidays and 调休 working days of the given years, merged, from the bureau's work calendar. */
export async function loadCalendar(executor: Executor, years: number[]): Promise<WorkCalendarDays> {
  const rows = await executor.select().from(workCalendars).where(inArray(workCalendars.year, years));
  return { holidays: rows.flatMap((row) => row.holidays), workdays: rows.flatMap((row) => row.workdays) };
}
