import { describe, expect, it } from 'vitest';
import { listAllowedActions, policyPayoutWorkflow } from '../workflows';
import { bankAccountIssue, luhnValid, payoutActionBodySchema } from './payouts';

describe('bank accounts', () => {
  it('checks a 银联 card number by Luhn and a company account by its form only', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(bankAccountIssue('6222 0212 3456 7890 128')).toBeNull();
    expect(bankAccountIssue('6222021234567890123')).toBe('policies.bankAccountCheck');
    expect(bankAccountIssue('37001616801050012345')).toBeNull();
    expect(bankAccountIssue('12345678')).toBe('policies.bankAccountForm');
    expect(bankAccountIssue('1234567890123456789012345678901')).toBe('policies.bankAccountForm');
    expect(bankAccountIssue('3700-1616')).toBe('policies.bankAccountForm');
  });

  it('refuses a bad account in the step body with the key of its message', () => {
    const parsed = payoutActionBodySchema.safeParse({ version: 1, bankAccount: '6222021234567890123' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['bankAccount'],
      params: { key: 'policies.bankAccountCheck' },
    });
  });
});

describe('the 兑现 lifecycle', () => {
  it('lets the owning enterprise answer a push, and staff do the rest', () => {
    const actions = (
      state: Parameters<typeof listAllowedActions>[1],
      role: 'staff' | 'enterprise',
      isOwner = false,
    ) => listAllowedActions(policyPayoutWorkflow, state as never, { role, isOwner });
    expect(actions('listed', 'staff')).toEqual(['push']);
    expect(actions('pushed', 'enterprise', true)).toEqual(['accept', 'decline']);
    expect(actions('pushed', 'enterprise', false)).toEqual([]);
    expect(actions('pushed', 'staff')).toEqual(['repush']);
    expect(actions('accepted', 'staff')).toEqual(['return', 'pay']);
    expect(actions('declined', 'enterprise', true)).toEqual([]);
    expect(actions('declined', 'staff')).toEqual(['archive']);
    expect(actions('paid', 'staff')).toEqual(['archive']);
    expect(actions('archived', 'staff')).toEqual([]);
  });
});
