import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import { listAllowedActions } from './definition';
import { TECH_CONTRACT_STATUSES, type TechContractStatus, techContractWorkflow } from './tech-contract';

/** Written out by hand from the 认定登记 procedure, independently of the definition. */
const OWNER_ENTERPRISE: Record<TechContractStatus, string[]> = {
  draft: ['submit'],
  submitted: [],
  returned: ['resubmit'],
  resubmitted: [],
  registered: [],
  refused: [],
  cancelled: [],
};
const STAFF: Record<TechContractStatus, string[]> = {
  draft: [],
  submitted: ['return', 'register', 'refuse'],
  returned: [],
  resubmitted: ['return', 'register', 'refuse'],
  registered: ['amend', 'cancel'],
  refused: [],
  cancelled: [],
};

describe('技术合同认定登记 lifecycle', () => {
  it.each(TECH_CONTRACT_STATUSES)('in %s every role may do exactly what the procedure allows', (state) => {
    for (const role of ROLES) {
      for (const isOwner of [true, false]) {
        const expected =
          role === 'staff' ? STAFF[state] : role === 'enterprise' && isOwner ? OWNER_ENTERPRISE[state] : [];
        expect(
          listAllowedActions(techContractWorkflow, state, { role, isOwner }).sort(),
          `${role} ${isOwner}`,
        ).toEqual([...expected].sort());
      }
    }
  });

  it('asks for the reason when returning, refusing, changing or cancelling', () => {
    const withReason = techContractWorkflow.transitions
      .filter((transition) => transition.requiresComment)
      .map((transition) => transition.action)
      .sort();
    expect(withReason).toEqual(['amend', 'cancel', 'refuse', 'return']);
  });
});
