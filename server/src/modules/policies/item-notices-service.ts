import type { ItemNotices, PolicyNoticeEvent, PolicyNoticeResponse } from '@kechuang/domain';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { notFound } from '../../core/errors';
import type { Executor } from '../../db/connection';
import {
  enterprises,
  policies,
  policyApplications,
  policyItemNotices,
  policyItems,
  policyPayouts,
  policySubscriptionNotices,
} from '../../db/schema';

/**
 * "通知与响应" of one item for the bureau: every enterprise told of it — of its policy's publication
 * (`new-match`, through its subscription), of its window opening or about to close — with when,
 * and the first thing it did about the item since: confirmed a 免申即享 payout with its bank
 * account, or submitted a 快申快享 application.
 */
export async function readItemNotices(executor: Executor, itemId: number): Promise<ItemNotices> {
  const [item] = await executor
    .select({
      id: policyItems.id,
      title: policyItems.title,
      policyId: policyItems.policyId,
      policyTitle: policies.title,
      windowFrom: policyItems.windowFrom,
      windowTo: policyItems.windowTo,
    })
    .from(policyItems)
    .innerJoin(policies, eq(policies.id, policyItems.policyId))
    .where(eq(policyItems.id, itemId));
  if (!item) throw notFound();
  const [windowNotices, matchNotices] = await Promise.all([
    executor
      .select({
        enterpriseId: policyItemNotices.enterpriseId,
        event: policyItemNotices.event,
        notifiedAt: policyItemNotices.notifiedAt,
      })
      .from(policyItemNotices)
      .where(eq(policyItemNotices.itemId, itemId))
      .orderBy(asc(policyItemNotices.notifiedAt), asc(policyItemNotices.id)),
    executor
      .select({
        enterpriseId: policySubscriptionNotices.enterpriseId,
        notifiedAt: policySubscriptionNotices.notifiedAt,
      })
      .from(policySubscriptionNotices)
      .where(eq(policySubscriptionNotices.policyId, item.policyId)),
  ]);
  const byEnterprise = new Map<number, { event: PolicyNoticeEvent; notifiedAt: Date }[]>();
  const add = (enterpriseId: number, event: PolicyNoticeEvent, notifiedAt: Date) => {
    const list = byEnterprise.get(enterpriseId) ?? [];
    list.push({ event, notifiedAt });
    byEnterprise.set(enterpriseId, list);
  };
  for (const row of matchNotices) add(row.enterpriseId, 'new-match', row.notifiedAt);
  for (const row of windowNotices) add(row.enterpriseId, row.event, row.notifiedAt);
  const ids = [...byEnterprise.keys()];
  if (ids.length === 0) {
    return {
      itemId: item.id,
      itemTitle: item.title,
      policyTitle: item.policyTitle,
      windowFrom: item.windowFrom,
      windowTo: item.windowTo,
      counts: { notified: 0, newMatch: 0, windowOpen: 0, closingSoon: 0, acted: 0 },
      items: [],
    };
  }
  const [names, confirmed, applied] = await Promise.all([
    executor
      .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.id, ids)),
    executor
      .select({ enterpriseId: policyPayouts.enterpriseId, on: policyPayouts.acceptedOn })
      .from(policyPayouts)
      .where(
        and(
          eq(policyPayouts.itemId, itemId),
          inArray(policyPayouts.enterpriseId, ids),
          isNotNull(policyPayouts.acceptedOn),
        ),
      ),
    executor
      .select({ enterpriseId: policyApplications.enterpriseId, on: policyApplications.submittedOn })
      .from(policyApplications)
      .where(and(eq(policyApplications.itemId, itemId), inArray(policyApplications.enterpriseId, ids))),
  ]);
  const responses = new Map<number, { response: PolicyNoticeResponse; on: string }>();
  const respond = (enterpriseId: number, response: PolicyNoticeResponse, on: string | null) => {
    const known = responses.get(enterpriseId);
    if (on !== null && (!known || on < known.on)) responses.set(enterpriseId, { response, on });
  };
  for (const row of confirmed) respond(row.enterpriseId, 'payout-confirmed', row.on);
  for (const row of applied) respond(row.enterpriseId, 'application-submitted', row.on);
  const rows = names
    .map((enterprise) => {
      const notices = (byEnterprise.get(enterprise.id) ?? []).sort(
        (left, right) => left.notifiedAt.getTime() - right.notifiedAt.getTime(),
      );
      const response = responses.get(enterprise.id);
      return {
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        creditCode: enterprise.creditCode,
        notices: notices.map((notice) => ({
          event: notice.event,
          notifiedAt: notice.notifiedAt.toISOString(),
        })),
        response: response?.response ?? null,
        respondedOn: response?.on ?? null,
      };
    })
    .sort((left, right) => left.enterpriseName.localeCompare(right.enterpriseName, 'zh-CN'));
  const count = (event: PolicyNoticeEvent) =>
    rows.filter((row) => row.notices.some((notice) => notice.event === event)).length;
  return {
    itemId: item.id,
    itemTitle: item.title,
    policyTitle: item.policyTitle,
    windowFrom: item.windowFrom,
    windowTo: item.windowTo,
    counts: {
      notified: rows.length,
      newMatch: count('new-match'),
      windowOpen: count('window-open'),
      closingSoon: count('closing-soon'),
      acted: rows.filter((row) => row.response !== null).length,
    },
    items: rows,
  };
}
