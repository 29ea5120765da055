import {
  DEFAULT_REGISTRATION_NUMBER_FORMAT,
  DEFAULT_REGISTRATION_TIME_LIMITS,
  type TechTransferSettings,
  techTransferSettingsSchema,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { settings } from '../../db/schema';

/** The key under which the registry's number format and time limits are kept in `settings`. */
export const TECH_TRANSFER_SETTINGS_KEY = 'tech-transfer';

/** The configured format and limits; the legacy 示范文本 and the 2024 draft's limits when unset. */
export async function readTechTransferSettings(
  executor: Executor,
): Promise<TechTransferSettings & { version: number }> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, TECH_TRANSFER_SETTINGS_KEY));
  const parsed = techTransferSettingsSchema.safeParse(row?.value);
  if (row && parsed.success) return { ...parsed.data, version: row.version };
  return {
    numberFormat: DEFAULT_REGISTRATION_NUMBER_FORMAT,
    timeLimits: DEFAULT_REGISTRATION_TIME_LIMITS,
    version: row?.version ?? 0,
  };
}

/** The system administrator sets the registry's codes, number pattern and time limits; audited, versioned. */
export async function updateTechTransferSettings(
  db: Database,
  options: { input: TechTransferSettings & { version: number }; context: RequestContext },
) {
  const { version, ...value } = options.input;
  await db.transaction(async (tx) => {
    const before = await readTechTransferSettings(tx);
    if (before.version === 0) {
      if (version !== 1) throw versionConflict();
      await tx.insert(settings).values({ key: TECH_TRANSFER_SETTINGS_KEY, value });
    } else {
      const updated = await tx
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(settings.key, TECH_TRANSFER_SETTINGS_KEY), eq(settings.version, version)))
        .returning({ id: settings.id });
      if (updated.length === 0) throw versionConflict();
    }
    await recordAudit(tx, options.context, {
      event: 'settings.tech-transfer.update',
      objectType: 'settings',
      objectId: TECH_TRANSFER_SETTINGS_KEY,
      before,
      after: value,
    });
  });
  return readTechTransferSettings(db);
}
