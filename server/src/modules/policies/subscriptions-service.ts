import type { PolicySubscription, PolicySubscriptionInput } from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, versionConflict } from '../../core/errors';
import { findEnterpriseUserIds, notifyUsers } from '../../core/notifications';
import { type Database, queryRows, type Transaction } from '../../db/connection';
import { policySubscriptionNotices, policySubscriptions } from '../../db/schema';
import type { PolicyRow } from './policy-view';

export const SUBSCRIPTION_NOTICE_KIND = 'policies.subscription';

function ownEnterprise(actor: Actor | null): number {
  if (actor?.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  return actor.enterpriseId;
}

export async function readSubscription(db: Database, actor: Actor): Promise<PolicySubscription> {
  const enterpriseId = ownEnterprise(actor);
  const [row] = await db
    .select()
    .from(policySubscriptions)
    .where(eq(policySubscriptions.enterpriseId, enterpriseId));
  const [notified] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(policySubscriptionNotices)
    .where(eq(policySubscriptionNotices.enterpriseId, enterpriseId));
  return {
    levels: row?.levels ?? [],
    themes: row?.themes ?? [],
    version: row?.version ?? null,
    notified: notified.count,
  };
}

/** Subscribes or changes the subscription (versioned: a stale change is 409). */
export async function saveSubscription(
  db: Database,
  options: { input: PolicySubscriptionInput; context: RequestContext },
): Promise<PolicySubscription> {
  const { input, context } = options;
  const enterpriseId = ownEnterprise(context.actor);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(policySubscriptions)
      .where(eq(policySubscriptions.enterpriseId, enterpriseId))
      .for('update');
    const values = { levels: [...new Set(input.levels)], themes: [...new Set(input.themes)] };
    if (!before) {
      if (input.version !== undefined) throw versionConflict();
      const inserted = await tx
        .insert(policySubscriptions)
        .values({ enterpriseId, ...values })
        .onConflictDoNothing()
        .returning({ id: policySubscriptions.id });
      if (inserted.length === 0) throw versionConflict();
    } else {
      if (input.version !== before.version) throw versionConflict();
      const updated = await tx
        .update(policySubscriptions)
        .set({ ...values, version: sql`${policySubscriptions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(policySubscriptions.id, before.id), eq(policySubscriptions.version, before.version)))
        .returning({ id: policySubscriptions.id });
      if (updated.length === 0) throw versionConflict();
    }
    await recordAudit(tx, context, {
      event: 'policy.subscription.save',
      objectType: 'policy_subscriptions',
      objectId: enterpriseId,
      before: before ? { levels: before.levels, themes: before.themes } : undefined,
      after: values,
    });
  });
  return readSubscription(db, context.actor as Actor);
}

/**
 * On publication: every verified enterprise whose subscription covers the policy's level and theme
 * and that was not yet told of it is told once (the notice key settles a repeat or a race).
 */
export async function notifySubscribers(tx: Transaction, policy: PolicyRow): Promise<number> {
  const matching = await queryRows<{ enterpriseId: number }>(
    tx,
    sql`select s.enterprise_id as "enterpriseId" from policy_subscriptions s
         join enterprises e on e.id = s.enterprise_id and e.status = 'verified'
         where (jsonb_array_length(s.levels) = 0 or s.levels ? ${policy.level})
           and (jsonb_array_length(s.themes) = 0 or s.themes ? ${policy.theme})`,
  );
  if (matching.length === 0) return 0;
  const told = await tx
    .insert(policySubscriptionNotices)
    .values(matching.map(({ enterpriseId }) => ({ policyId: policy.id, enterpriseId })))
    .onConflictDoNothing()
    .returning({ enterpriseId: policySubscriptionNotices.enterpriseId });
  for (const { enterpriseId } of told) {
    await notifyUsers(tx, await findEnterpriseUserIds(tx, enterpriseId), {
      kind: 'policies.subscription',
      title: `新发布政策：《${policy.title}》`,
      body: `${policy.issuer} ${policy.documentNo}，查看是否可以享受。`,
      link: '/enterprise/policies',
    });
  }
  return told.length;
}
