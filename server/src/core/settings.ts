import {
  DEFAULT_PROJECT_NUMBER_PATTERN,
  type DistrictSettings,
  districtSettingsSchema,
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { settings } from '../db/schema';
import type { Executor } from '../db/types';

export const DISTRICT_SETTINGS_KEY = 'district';

export const DEFAULT_DISTRICT_SETTINGS: DistrictSettings = {
  name: '本区',
  cityName: '',
  regionCode: '000000',
  streets: ['城区'],
  idleTimeoutMinutes: 30,
  auditRetentionDays: 184,
  projectNumberPattern: DEFAULT_PROJECT_NUMBER_PATTERN,
};

export async function readDistrictSettings(
  executor: Executor,
): Promise<DistrictSettings & { version: number }> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, DISTRICT_SETTINGS_KEY));
  if (!row) return { ...DEFAULT_DISTRICT_SETTINGS, version: 0 };
  const parsed = districtSettingsSchema.safeParse(row.value);
  return { ...(parsed.success ? parsed.data : DEFAULT_DISTRICT_SETTINGS), version: row.version };
}

let cachedIdleTimeout: { value: number; readAt: number } | null = null;

/** The idle timeout is read on every request; a few seconds of staleness across instances is harmless. */
export async function readIdleTimeoutMinutes(executor: Executor): Promise<number> {
  if (cachedIdleTimeout && Date.now() - cachedIdleTimeout.readAt < 5_000) return cachedIdleTimeout.value;
  const district = await readDistrictSettings(executor);
  cachedIdleTimeout = { value: district.idleTimeoutMinutes, readAt: Date.now() };
  return district.idleTimeoutMinutes;
}

export function forgetCachedSettings(): void {
  cachedIdleTimeout = null;
}
