import { DEFAULT_CLOSING_REMINDER_DAYS, type PolicySettings, policySettingsSchema } from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { settings } from '../../db/schema';
import { POLICY_SETTINGS_KEY } from './window-notices';

/** The configured reminder lead with the row's version; the default and version 0 when unset. */
export async function readPolicySettingsView(
  executor: Executor,
): Promise<PolicySettings & { version: number }> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, POLICY_SETTINGS_KEY));
  const parsed = policySettingsSchema.safeParse(row?.value);
  if (row && parsed.success) return { ...parsed.data, version: row.version };
  return { closingReminderDays: DEFAULT_CLOSING_REMINDER_DAYS, version: row?.version ?? 0 };
}

/** The system administrator sets how many working days before a window closes enterprises are reminded. */
export async function updatePolicySettings(
  db: Database,
  options: { input: PolicySettings & { version: number }; context: RequestContext },
) {
  const { version, ...value } = options.input;
  await db.transaction(async (tx) => {
    const before = await readPolicySettingsView(tx);
    if (before.version === 0) {
      if (version !== 1) throw versionConflict();
      await tx.insert(settings).values({ key: POLICY_SETTINGS_KEY, value });
    } else {
      const updated = await tx
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(settings.key, POLICY_SETTINGS_KEY), eq(settings.version, version)))
        .returning({ id: settings.id });
      if (updated.length === 0) throw versionConflict();
    }
    await recordAudit(tx, options.context, {
      event: 'settings.policies.update',
      objectType: 'settings',
      objectId: POLICY_SETTINGS_KEY,
      before,
      after: value,
    });
  });
  return readPolicySettingsView(db);
}
