import { addWorkingDays, policyPayoutWorkflow } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { loadWorkCalendar } from '../../core/calendar/work-calendar';
import type { RequestContext } from '../../core/context';
import type { DemoContext } from '../../core/module';
import {
  enterprises,
  policyGuideDistributions,
  policyItems,
  policyPayouts,
  workflowHistory,
} from '../../db/schema';
import { DEMO_GUIDE_DISTRIBUTIONS, DEMO_POLICIES } from './demo-library';
import { applyPayouts, qualifyingEnterprises } from './matching-service';
import { applyPolicyAction, insertPolicy } from './policies-service';
import { loadScopedPolicy } from './policy-view';

/**
 * The district's policy library (国家 → 区, the 2018 district rules repealed by the 2020 ones; each
 * entered and submitted by one officer and published by another), the
 * 2020 《科技创新政策指引》's printed copies (5100 册 in 11 distributions: the seed's 5000余册) and the
 * 2020 免申即享 round of the district's awards: every enterprise the data shows as qualifying,
 * confirmed on 2020-12-15, pushed the next day, confirmed by the enterprises, paid in full before the
 * year closed and archived.
 */
export async function seedPoliciesDemo(context: DemoContext): Promise<void> {
  const tx = context.db;
  const staff = context.staff[0];
  const contextOf = (user: DemoContext['staff'][number] | undefined): RequestContext => ({
    actor: user
      ? {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          role: 'staff',
          enterpriseId: null,
        }
      : null,
    ip: null,
    requestId: null,
    language: 'zh-CN',
  });
  const request = contextOf(staff);
  // Entered and submitted by one officer, reviewed and published by another.
  const reviewer = contextOf(context.staff[1]);
  const idByNumber = new Map<string, number>();
  for (const { supersedesDocumentNo, repealedBy: _repealedBy, ...policy } of DEMO_POLICIES) {
    const supersedesId = supersedesDocumentNo ? (idByNumber.get(supersedesDocumentNo) ?? null) : null;
    const id = await insertPolicy(tx, { ...policy, supersedesId }, request);
    idByNumber.set(policy.documentNo, id);
    const draft = await loadScopedPolicy(tx, request.actor, id);
    await applyPolicyAction(tx, draft, 'submit', { version: draft.version }, request);
    const submitted = await loadScopedPolicy(tx, request.actor, id);
    await applyPolicyAction(tx, submitted, 'publish', { version: submitted.version }, reviewer);
  }
  await tx
    .insert(policyGuideDistributions)
    .values(
      DEMO_GUIDE_DISTRIBUTIONS.map((entry) => ({ ...entry, edition: 2020, recordedBy: staff?.id ?? null })),
    );
  const districtId = idByNumber.get('任政发〔2020〕7号');
  if (districtId === undefined) return;
  const items = await tx.select().from(policyItems).where(eq(policyItems.policyId, districtId));
  for (const item of items.filter((candidate) => candidate.fulfilMode === 'no-application')) {
    const enterpriseIds = await qualifyingEnterprises(tx, item.id, 2020);
    if (enterpriseIds.length === 0) continue;
    await applyPayouts(tx, {
      itemId: item.id,
      input: { year: 2020, enterpriseIds, confirmedOn: '2020-12-15' },
      context: request,
    });
  }
  await finishDemoRound(tx, staff?.displayName ?? '科技局');
}

/** The 2020 round as it ended: every payout pushed, confirmed, paid in full and archived, with its 流程记录. */
async function finishDemoRound(tx: DemoContext['db'], staffName: string): Promise<void> {
  const calendar = await loadWorkCalendar(tx, [2020, 2021]);
  const rows = await tx
    .select({ payout: policyPayouts, fulfilDays: policyItems.fulfilDays, enterpriseName: enterprises.name })
    .from(policyPayouts)
    .innerJoin(policyItems, eq(policyItems.id, policyPayouts.itemId))
    .innerJoin(enterprises, eq(enterprises.id, policyPayouts.enterpriseId))
    .where(eq(policyPayouts.year, 2020));
  const steps = [
    ['push', 'listed', 'pushed', 'staff', staffName],
    ['accept', 'pushed', 'accepted', 'enterprise', '企业'],
    ['pay', 'accepted', 'paid', 'staff', staffName],
    ['archive', 'paid', 'archived', 'staff', staffName],
  ] as const;
  for (const { payout, fulfilDays, enterpriseName } of rows) {
    const days = fulfilDays;
    await tx
      .update(policyPayouts)
      .set({
        status: 'archived',
        version: 1 + steps.length,
        timeLimitDays: days,
        pushedOn: '2020-12-16',
        dueOn: days === null ? null : addWorkingDays('2020-12-16', days, calendar),
        acceptedOn: '2020-12-21',
        bankName: '中国工商银行济宁任城支行',
        bankAccountName: enterpriseName,
        bankAccount: `16080017090${String(payout.enterpriseId).padStart(9, '0')}`,
        paidFen: payout.amountFen,
        paidOn: '2020-12-29',
        voucherNo: `任科兑〔2020〕${payout.id}号`,
        updatedAt: sql`now()`,
      })
      .where(eq(policyPayouts.id, payout.id));
    await tx.insert(workflowHistory).values(
      steps.map(([action, fromStatus, toStatus, actorRole, actorName]) => ({
        workflow: policyPayoutWorkflow.name,
        objectId: payout.id,
        action,
        fromStatus,
        toStatus,
        actorId: null,
        actorName: actorRole === 'enterprise' ? enterpriseName : actorName,
        actorRole,
        comment: null,
      })),
    );
  }
}
