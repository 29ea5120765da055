import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import type { DemoContext } from '../../core/module';
import { policyGuideDistributions, policyItems } from '../../db/schema';
import { DEMO_GUIDE_DISTRIBUTIONS, DEMO_POLICIES } from './demo-library';
import { applyPayouts, qualifyingEnterprises } from './matching-service';
import { applyPolicyAction, insertPolicy } from './policies-service';
import { loadScopedPolicy } from './policy-view';

/**
 * The district's policy library (国家 → 区, the 2018 district rules repealed by the 2020 ones), the
 * 2020 《科技创新政策指引》's printed copies (5100 册 in 11 distributions: the seed's 5000余册) and the
 * 2020 免申即享 round of the district's awards: every enterprise the data shows as qualifying,
 * confirmed on 2020-12-15.
 */
export async function seedPoliciesDemo(context: DemoContext): Promise<void> {
  const tx = context.db;
  const staff = context.staff[0];
  const request: RequestContext = {
    actor: staff
      ? {
          userId: staff.id,
          username: staff.username,
          displayName: staff.displayName,
          role: 'staff',
          enterpriseId: null,
        }
      : null,
    ip: null,
    requestId: null,
    language: 'zh-CN',
  };
  const idByNumber = new Map<string, number>();
  for (const { supersedesDocumentNo, repealedBy: _repealedBy, ...policy } of DEMO_POLICIES) {
    const supersedesId = supersedesDocumentNo ? (idByNumber.get(supersedesDocumentNo) ?? null) : null;
    const id = await insertPolicy(tx, { ...policy, supersedesId }, request);
    idByNumber.set(policy.documentNo, id);
    const row = await loadScopedPolicy(tx, request.actor, id);
    await applyPolicyAction(tx, row, 'publish', { version: row.version }, request);
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
}
