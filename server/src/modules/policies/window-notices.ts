import {
  addWorkingDays,
  DEFAULT_CLOSING_REMINDER_DAYS,
  evaluateItem,
  MissingWorkCalendarError,
  type PolicySettings,
  policySettingsSchema,
} from '@kechuang/domain';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { loadWorkCalendar } from '../../core/calendar/work-calendar';
import { findEnterpriseUserIds, notifyUsers } from '../../core/notifications';
import { type Database, type Executor, queryRows } from '../../db/connection';
import { policies, policyItemNotices, policyItems, settings } from '../../db/schema';
import type { ItemWithPolicy } from './matching-service';
import { readProfiles } from './profiles';

/** The key under which the module's settings are kept in `settings`. */
export const POLICY_SETTINGS_KEY = 'policies';

/** The configured reminder lead; the default when unset or unreadable. */
export async function readPolicySettings(executor: Executor): Promise<PolicySettings> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, POLICY_SETTINGS_KEY));
  const parsed = policySettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { closingReminderDays: DEFAULT_CLOSING_REMINDER_DAYS };
}

type WindowItem = ItemWithPolicy & { theme: string };

/** Items of published policies in force on the day whose application window is set and not over. */
async function readWindowItems(executor: Executor, asOf: string): Promise<WindowItem[]> {
  const rows = await executor
    .select({
      item: policyItems,
      policyTitle: policies.title,
      documentNo: policies.documentNo,
      level: policies.level,
      theme: policies.theme,
    })
    .from(policyItems)
    .innerJoin(policies, eq(policies.id, policyItems.policyId))
    .where(
      and(
        eq(policies.status, 'published'),
        isNotNull(policyItems.windowFrom),
        sql`${policies.effectiveFrom} <= ${asOf}::date`,
        sql`(${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${asOf}::date)`,
        sql`${policyItems.windowFrom} <= ${asOf}::date`,
        sql`(${policyItems.windowTo} is null or ${policyItems.windowTo} >= ${asOf}::date)`,
      ),
    )
    .orderBy(asc(policyItems.id));
  return rows.map(({ item, ...policy }) => ({ ...item, ...policy }));
}

/** Verified enterprises with a subscription, and the levels and themes it covers (empty: all). */
async function readSubscribers(
  executor: Executor,
): Promise<{ id: number; levels: string[]; themes: string[] }[]> {
  const rows = await queryRows<{ id: number; levels: string[]; themes: string[] }>(
    executor,
    sql`select s.enterprise_id as id, s.levels, s.themes from policy_subscriptions s
          join enterprises e on e.id = s.enterprise_id and e.status = 'verified'`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/**
 * Daily: for every item of a published policy whose application window is open on `asOf`, each
 * verified enterprise that subscribes to the policy's level and theme, or whose data shows it
 * qualifying or qualifying once it gives a document, is told once that the window is open
 * (`window-open`) and once, `closingReminderDays` working days before the window closes on the
 * work calendar, that it is about to close (`closing-soon`). The sent log's key (item, enterprise,
 * event, window date) makes every reminder once: a rerun, a second server, or the next day send
 * nothing new; a moved window date gives a new reminder. Returns the number of reminders sent.
 */
export async function sendWindowNotices(db: Database, asOf: string): Promise<number> {
  const items = await readWindowItems(db, asOf);
  if (items.length === 0) return 0;
  const { closingReminderDays } = await readPolicySettings(db);
  const year = Number(asOf.slice(0, 4));
  let closingBy: string | null;
  try {
    closingBy = addWorkingDays(asOf, closingReminderDays, await loadWorkCalendar(db, [year, year + 1]));
  } catch (error) {
    // A year without a calendar: the administrator's home page names it; closing reminders wait for it.
    if (!(error instanceof MissingWorkCalendarError)) throw error;
    closingBy = null;
  }
  const [profiled, subscribers] = await Promise.all([
    readProfiles(db, { year, scope: sql`e.status = 'verified'` }),
    readSubscribers(db),
  ]);
  let sent = 0;
  for (const item of items) {
    const recipients = new Set<number>();
    for (const subscriber of subscribers) {
      const levelOk = subscriber.levels.length === 0 || subscriber.levels.includes(item.level);
      const themeOk = subscriber.themes.length === 0 || subscriber.themes.includes(item.theme);
      if (levelOk && themeOk) recipients.add(subscriber.id);
    }
    for (const enterprise of profiled) {
      if (evaluateItem(item, enterprise.profile, year).outcome !== 'ineligible')
        recipients.add(enterprise.id);
    }
    if (recipients.size === 0) continue;
    const events: { event: 'window-open' | 'closing-soon'; windowOn: string }[] = [
      { event: 'window-open', windowOn: item.windowFrom as string },
    ];
    if (item.windowTo !== null && closingBy !== null && item.windowTo <= closingBy)
      events.push({ event: 'closing-soon', windowOn: item.windowTo });
    for (const { event, windowOn } of events) {
      sent += await db.transaction(async (tx) => {
        const told = await tx
          .insert(policyItemNotices)
          .values([...recipients].map((enterpriseId) => ({ itemId: item.id, enterpriseId, event, windowOn })))
          .onConflictDoNothing()
          .returning({ enterpriseId: policyItemNotices.enterpriseId });
        const until = item.windowTo ? `，截止日期 ${item.windowTo}` : '';
        for (const { enterpriseId } of told) {
          const userIds = await findEnterpriseUserIds(tx, enterpriseId);
          if (event === 'window-open') {
            await notifyUsers(tx, userIds, {
              kind: 'policies.window-open',
              title: `政策事项开始受理：${item.title}`,
              body: `《${item.policyTitle}》（${item.documentNo}）自 ${item.windowFrom} 起受理${until}。`,
              link: '/enterprise/policies',
            });
          } else {
            await notifyUsers(tx, userIds, {
              kind: 'policies.closing-soon',
              title: `政策事项即将截止：${item.title}`,
              body: `《${item.policyTitle}》（${item.documentNo}）的申报将于 ${item.windowTo} 截止，请及时办理。`,
              link: '/enterprise/policies',
            });
          }
        }
        return told.length;
      });
    }
  }
  return sent;
}
