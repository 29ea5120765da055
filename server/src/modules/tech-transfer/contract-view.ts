import {
  listAllowedActions,
  statCategoryOf,
  TECH_ACCEPTANCE_CHECKLISTS,
  type TechContract,
  type TechContractCategory,
  type TechContractStatus,
  techCategoryLabel,
  techContractWorkflow,
} from '@kechuang/domain';
import type { Actor } from '../../core/context';
import { ownsEnterprise } from '../../core/scope';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import type { techContracts } from '../../db/schema';

export type TechContractRow = typeof techContracts.$inferSelect;

/** A row as the lists show it (no lines, history or actions). */
export function toSummary(row: TechContractRow) {
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
  const summary = toSummary(row);
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
