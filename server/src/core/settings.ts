import {
  DEFAULT_PROJECT_NUMBER_PATTERN,
  type DistrictSettings,
  districtSettingsSchema,
  type Role,
  type SecuritySettings,
  securitySettingsSchema,
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

export const SECURITY_SETTINGS_KEY = 'security';
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { secondFactorRoles: [] };

export async function readSecuritySettings(
  executor: Executor,
): Promise<SecuritySettings & { version: number }> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, SECURITY_SETTINGS_KEY));
  if (!row) return { ...DEFAULT_SECURITY_SETTINGS, version: 0 };
  const parsed = securitySettingsSchema.safeParse(row.value);
  return { ...(parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS), version: row.version };
}

interface RequestSettings {
  idleTimeoutMinutes: number;
  secondFactorRoles: readonly Role[];
}
let cachedRequestSettings: { value: RequestSettings; readAt: number } | null = null;

/**
 * The settings every request needs (idle timeout, roles that need a second factor), read at most every
 * five seconds; a few seconds of staleness across instances is harmless.
 */
export async function readRequestSettings(executor: Executor): Promise<RequestSettings> {
  if (cachedRequestSettings && Date.now() - cachedRequestSettings.readAt < 5_000)
    return cachedRequestSettings.value;
  const [district, security] = [await readDistrictSettings(executor), await readSecuritySettings(executor)];
  const value = {
    idleTimeoutMinutes: district.idleTimeoutMinutes,
    secondFactorRoles: security.secondFactorRoles,
  };
  cachedRequestSettings = { value, readAt: Date.now() };
  return value;
}

export function forgetCachedSettings(): void {
  cachedRequestSettings = null;
}
