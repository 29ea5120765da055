import {
  listAllowedActions,
  MissingWorkCalendarError,
  registrationDaysLeft,
  statCategoryOf,
  TECH_ACCEPTANCE_CHECKLISTS,
  TECH_CONTRACT_PENDING_STATUSES,
  type TechContract,
  type TechContractCategory,
  type TechContractStatus,
  techCategoryLabel,
  techContractWorkflow,
} from '@kechuang/domain';
import { loadWorkCalendar, today } from '../../core/calendar/work-calendar';
import type { Actor } from '../../core/context';
import { ownsEnterprise } from '../../core/scope';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import type { techContracts } from '../../db/schema';

export type TechContractRow = typeof techContracts.$inferSelect;

/**
 * Working days left to the time limit of each waiting contract (negative: overdue), counted on the
 * work calendar; null for contracts not waiting, or when a year the count reaches has no calendar.
 */
export async function loadDaysLeft(
  executor: Executor,
  rows: readonly TechContractRow[],
): Promise<Map<number, number>> {
  const waiting = rows.filter(
    (row) => row.dueOn !== null && TECH_CONTRACT_PENDING_STATUSES.includes(row.status as TechContractStatus),
  );
  const result = new Map<number, number>();
  if (waiting.length === 0) return result;
  const asOf = today();
  const years = new Set([Number(asOf.slice(0, 4))]);
  for (const row of waiting) years.add(Number((row.dueOn as string).slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const calendar = await loadWorkCalendar(executor, span);
  for (const row of waiting) {
    try {
      result.set(row.id, registrationDaysLeft(asOf, row.dueOn as string, calendar));
    } catch (error) {
      if (!(error instanceof MissingWorkCalendarError)) throw error;
    }
  }
  return result;
}

/** A row as the lists show it (no lines, history or actions). */
export function toSummary(row: TechContractRow, daysLeft?: ReadonlyMap<number, number>) {
  const category = row.category as TechContractCategory;
  return {
    id: row.id,
    version: row.version,
    status: row.status as TechContractStatus,
    enterpriseId: row.enterpriseId,
    sellerName: row.sellerName,
    sellerCreditCode: row.sellerCreditCode,
    title: row.title,
    category,
    categoryLabel: techCategoryLabel(category).zh,
    statCategory: statCategoryOf(category),
    buyerName: row.buyerName,
    buyerCreditCode: row.buyerCreditCode,
    buyerRegionCode: row.buyerRegionCode,
    signedOn: row.signedOn,
    termStartOn: row.termStartOn,
    termEndOn: row.termEndOn,
    contractFen: row.contractFen,
    techFen: row.techFen,
    carrierFen: row.carrierFen,
    linkedContractId: row.linkedContractId,
    sameInvoice: row.sameInvoice,
    disputed: row.disputed,
    signedFileId: row.signedFileId,
    acceptedOn: row.acceptedOn,
    timeLimitDays: row.timeLimitDays,
    dueOn: row.dueOn,
    workingDaysLeft: daysLeft?.get(row.id) ?? null,
    registrationNo: row.registrationNo,
    registeredOn: row.registeredOn,
    refusalReason: row.refusalReason,
    exemptionEligible: row.exemptionEligible,
    exemptionReason: row.exemptionReason,
    exemptionClaimed: row.exemptionClaimed,
    exemptionConfirmedAt: row.exemptionConfirmedAt?.toISOString() ?? null,
    imported: row.importFileId !== null,
  };
}

/** The full record: cost lines, payments, the 登记员's checklist, what the actor may do, history. */
export async function toDetail(
  executor: Executor,
  actor: Actor,
  row: TechContractRow,
): Promise<TechContract> {
  const summary = toSummary(row, await loadDaysLeft(executor, [row]));
  return {
    ...summary,
    nonTechnicalCosts: row.nonTechnicalCosts,
    payments: row.payments,
    checklist: TECH_ACCEPTANCE_CHECKLISTS[summary.statCategory].map((item) => item.zh),
    allowedActions: listAllowedActions(techContractWorkflow, summary.status, {
      role: actor.role,
      isOwner: ownsEnterprise(actor, row.enterpriseId),
    }),
    history: await readHistory(executor, techContractWorkflow.name, row.id),
  };
}
