import {
  addWorkingDays,
  listAllowedActions,
  MissingWorkCalendarError,
  type PayoutActionBody,
  type PayoutDetail,
  POLICY_PAYOUT_PENDING_STATUSES,
  type PolicyPayoutAction,
  type PolicyPayoutStatus,
  policyPayoutWorkflow,
  registrationDaysLeft,
} from '@kechuang/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { countWorkingDays, loadWorkCalendar, today } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { fireTransition, readHistory } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, policies, policyItems, policyPayouts } from '../../db/schema';
import { policyFieldError } from './policy-view';
import { isVoucherFileOf, readVoucherFile } from './voucher-files';

export type PayoutRow = typeof policyPayouts.$inferSelect & {
  itemTitle: string;
  fulfilDays: number | null;
  policyTitle: string;
  documentNo: string;
  enterpriseName: string;
  creditCode: string;
};

async function selectPayouts(executor: Executor, where: SQL | undefined): Promise<PayoutRow[]> {
  const rows = await executor
    .select({
      payout: policyPayouts,
      itemTitle: policyItems.title,
      fulfilDays: policyItems.fulfilDays,
      policyTitle: policies.title,
      documentNo: policies.documentNo,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
    })
    .from(policyPayouts)
    .innerJoin(policyItems, eq(policyItems.id, policyPayouts.itemId))
    .innerJoin(policies, eq(policies.id, policyItems.policyId))
    .innerJoin(enterprises, eq(enterprises.id, policyPayouts.enterpriseId))
    .where(where)
    .orderBy(policyPayouts.id);
  return rows.map(({ payout, ...rest }) => ({ ...payout, ...rest }));
}

/** One payout as the actor may see it: an enterprise only its own (another's is 404, like a missing one). */
export async function loadScopedPayout(
  executor: Executor,
  actor: Actor | null,
  id: number,
): Promise<PayoutRow> {
  const [row] = await selectPayouts(executor, eq(policyPayouts.id, id));
  if (!row || !actor) throw notFound();
  if (actor.role === 'enterprise' && row.enterpriseId !== actor.enterpriseId) throw notFound();
  return row;
}

/**
 * Working days left to the 兑现时限 of each payout whose clock runs (negative: overdue), on the work
 * calendar; a payout whose count reaches a year without a calendar gets none.
 */
export async function loadPayoutDaysLeft(
  executor: Executor,
  rows: readonly { id: number; status: string; dueOn: string | null }[],
): Promise<Map<number, number>> {
  const running = rows.filter(
    (row) => row.dueOn !== null && POLICY_PAYOUT_PENDING_STATUSES.includes(row.status as PolicyPayoutStatus),
  );
  const result = new Map<number, number>();
  if (running.length === 0) return result;
  const asOf = today();
  const years = [asOf, ...running.map((row) => row.dueOn as string)].map((date) => Number(date.slice(0, 4)));
  const first = Math.min(...years);
  const span = Array.from({ length: Math.max(...years) - first + 1 }, (_, index) => first + index);
  const calendar = await loadWorkCalendar(executor, span);
  for (const row of running) {
    try {
      result.set(row.id, registrationDaysLeft(asOf, row.dueOn as string, calendar));
    } catch (error) {
      if (!(error instanceof MissingWorkCalendarError)) throw error;
    }
  }
  return result;
}

/** The last digits only, for those who see payments but not accounts (leader, finance observer). */
const maskAccount = (account: string | null) =>
  account === null ? null : `${'*'.repeat(Math.max(account.length - 4, 0))}${account.slice(-4)}`;

export async function toPayoutDetail(
  executor: Executor,
  actor: Actor,
  row: PayoutRow,
): Promise<PayoutDetail> {
  const status = row.status as PolicyPayoutStatus;
  const daysLeft = (await loadPayoutDaysLeft(executor, [row])).get(row.id) ?? null;
  const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
  const seesAccount = isOwner || actor.role === 'staff';
  return {
    id: row.id,
    version: row.version,
    status,
    statusLabel: policyPayoutWorkflow.states[status].zh,
    year: row.year,
    itemId: row.itemId,
    itemTitle: row.itemTitle,
    policyTitle: row.policyTitle,
    documentNo: row.documentNo,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    amountFen: row.amountFen,
    confirmedOn: row.confirmedOn,
    reasons: row.reasons,
    timeLimitDays: row.timeLimitDays,
    pushedOn: row.pushedOn,
    dueOn: row.dueOn,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    acceptedOn: row.acceptedOn,
    bankName: row.bankName,
    bankAccountName: row.bankAccountName,
    bankAccount: seesAccount ? row.bankAccount : maskAccount(row.bankAccount),
    paidFen: row.paidFen,
    paidOn: row.paidOn,
    voucherNo: row.voucherNo,
    voucherFile: await readVoucherFile(executor, row),
    allowedActions: listAllowedActions(policyPayoutWorkflow, status, { role: actor.role, isOwner }),
    history: await readHistory(executor, policyPayoutWorkflow.name, row.id),
  };
}

export async function readPayout(db: Database, options: { actor: Actor; id: number }): Promise<PayoutDetail> {
  return toPayoutDetail(db, options.actor, await loadScopedPayout(db, options.actor, options.id));
}

/**
 * Starts (or restarts) the item's 兑现时限 from today, in working days on the work calendar; an item
 * that sets no time limit runs no clock (nothing is invented).
 */
async function startClock(tx: Transaction, row: PayoutRow): Promise<SQL[]> {
  const pushedOn = today();
  const year = Number(pushedOn.slice(0, 4));
  const days = row.fulfilDays;
  if (days === null) return [sql`pushed_on = ${pushedOn}`, sql`due_on = null`, sql`time_limit_days = null`];
  const calendar = await loadWorkCalendar(tx, [year, year + 1]);
  const dueOn = countWorkingDays(() => addWorkingDays(pushedOn, days, calendar));
  return [sql`pushed_on = ${pushedOn}`, sql`due_on = ${dueOn}`, sql`time_limit_days = ${days}`];
}

function required<T>(value: T | undefined, path: string, context: RequestContext): T {
  if (value === undefined || value === '')
    throw policyFieldError(path, 'policies.required', context.language);
  return value;
}

/** The columns a step writes besides the state, after checking what it carries. */
async function assignmentsFor(
  tx: Transaction,
  row: PayoutRow,
  action: PolicyPayoutAction,
  body: PayoutActionBody,
  context: RequestContext,
): Promise<SQL[]> {
  const { language } = context;
  switch (action) {
    case 'push':
    case 'repush':
      return startClock(tx, row);
    case 'accept': {
      const bankName = required(body.bankName, 'bankName', context);
      const bankAccountName = required(body.bankAccountName, 'bankAccountName', context);
      const bankAccount = required(body.bankAccount, 'bankAccount', context).replace(/\s+/g, '');
      if (bankAccountName !== row.enterpriseName)
        throw policyFieldError('bankAccountName', 'policies.accountNameNotEnterprise', language);
      const acceptedOn = today();
      if (row.dueOn !== null && acceptedOn > row.dueOn)
        throw policyFieldError('dueOn', 'policies.confirmAfterDeadline', language);
      return [
        sql`accepted_on = ${acceptedOn}`,
        sql`bank_name = ${bankName}`,
        sql`bank_account_name = ${bankAccountName}`,
        sql`bank_account = ${bankAccount}`,
      ];
    }
    case 'return':
      return [sql`accepted_on = null`];
    case 'pay': {
      const paidFen = required(body.paidFen, 'paidFen', context);
      const paidOn = required(body.paidOn, 'paidOn', context);
      const voucherNo = required(body.voucherNo, 'voucherNo', context);
      if (paidFen > row.amountFen) throw policyFieldError('paidFen', 'policies.paidAboveConfirmed', language);
      if ((row.acceptedOn !== null && paidOn < row.acceptedOn) || paidOn > today())
        throw policyFieldError('paidOn', 'policies.paidBeforeAccepted', language);
      const voucherFileId = body.voucherFileId ?? null;
      if (voucherFileId !== null && !(await isVoucherFileOf(tx, voucherFileId, row.enterpriseId)))
        throw policyFieldError('voucherFileId', 'policies.voucherFileUnknown', language);
      return [
        sql`paid_fen = ${paidFen}`,
        sql`paid_on = ${paidOn}`,
        sql`voucher_no = ${voucherNo}`,
        sql`voucher_file_id = ${voucherFileId}`,
      ];
    }
    default:
      return [];
  }
}

async function applyPayoutAction(
  tx: Transaction,
  row: PayoutRow,
  action: PolicyPayoutAction,
  body: PayoutActionBody,
  context: RequestContext,
): Promise<void> {
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
  // What a step carries is checked only when the step is open to the actor; otherwise the runtime
  // refuses it (403 for the role, 409 for the state or a stale version) before anything is read.
  const open =
    row.version === body.version &&
    listAllowedActions(policyPayoutWorkflow, row.status as PolicyPayoutStatus, {
      role: actor.role,
      isOwner,
    }).includes(action);
  const extraAssignments = open ? await assignmentsFor(tx, row, action, body, context) : [];
  await fireTransition(tx, {
    definition: policyPayoutWorkflow,
    table: 'policy_payouts',
    objectId: row.id,
    action,
    expectedVersion: body.version,
    comment: body.comment,
    context,
    isOwner,
    ownerEnterpriseId: row.enterpriseId,
    subject: `${row.itemTitle}（${row.year}年度）`,
    // The enterprise's steps tell staff, staff's steps tell the enterprise: each opens its own page.
    link:
      action === 'accept' || action === 'decline'
        ? `/bureau/policies/payouts?open=${row.id}`
        : `/enterprise/policies?open=${row.id}`,
    extraAssignments,
  });
}

/** One step of a payout's 兑现, in its own transaction; the payout as it stands after. */
export async function actOnPayout(
  db: Database,
  options: { id: number; action: PolicyPayoutAction; body: PayoutActionBody; context: RequestContext },
): Promise<PayoutDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  return db.transaction(async (tx) => {
    const row = await loadScopedPayout(tx, actor, options.id);
    await applyPayoutAction(tx, row, options.action, options.body, context);
    return toPayoutDetail(tx, actor, await loadScopedPayout(tx, actor, row.id));
  });
}

/** Pushes every still-listed payout of an item and year to its enterprise, each with its own clock. */
export async function pushPayouts(
  db: Database,
  options: { itemId: number; year: number; context: RequestContext },
): Promise<{ pushed: number }> {
  return db.transaction(async (tx) => {
    const rows = await selectPayouts(
      tx,
      and(
        eq(policyPayouts.itemId, options.itemId),
        eq(policyPayouts.year, options.year),
        eq(policyPayouts.status, 'listed'),
      ),
    );
    for (const row of rows) {
      await applyPayoutAction(tx, row, 'push', { version: row.version }, options.context);
    }
    return { pushed: rows.length };
  });
}
