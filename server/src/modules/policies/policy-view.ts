import {
  chinaToday,
  type Language,
  listAllowedActions,
  POLICY_FIELD_LABELS,
  POLICY_ISSUE_MESSAGES,
  type Policy,
  type PolicyItem,
  type PolicySummary,
  type PolicyValidity,
  policyWorkflow,
} from '@kechuang/domain';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import { policies, policyItems } from '../../db/schema';

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyItemRow = typeof policyItems.$inferSelect;

/** A 400 naming one field of the policy forms, worded as the form's own checks are. */
export function policyFieldError(path: string, key: string, language: Language): AppError {
  const label = POLICY_FIELD_LABELS[path];
  const message = POLICY_ISSUE_MESSAGES[key];
  const text =
    language === 'en'
      ? `${label?.en ?? path} ${message?.en ?? key}`
      : `${label?.zh ?? path}${message?.zh ?? key}`;
  return new AppError(400, 'validation', [{ path, message: text }]);
}

/** The bureau sees drafts; everyone else (enterprises, the public portal) only what was published. */
export function policyScope(actor: Actor | null): SQL {
  return actor && (actor.role === 'staff' || actor.role === 'leader')
    ? sql`true`
    : sql`${policies.status} in ('published', 'repealed')`;
}

/** 有效性 on a day: from the state and the 施行日期 / 有效期. */
export function validityOf(
  row: Pick<PolicyRow, 'status' | 'effectiveFrom' | 'effectiveTo'>,
  today = chinaToday(),
): PolicyValidity {
  if (row.status !== 'published' && row.status !== 'repealed') return 'draft';
  if (row.status === 'repealed') return 'repealed';
  if (row.effectiveTo && row.effectiveTo < today) return 'expired';
  if (row.effectiveFrom > today) return 'not-yet';
  return 'valid';
}

/** The SQL form of a validity filter, matching `validityOf`. */
export function validityCondition(validity: PolicyValidity, today = chinaToday()): SQL {
  switch (validity) {
    case 'draft':
      return sql`${policies.status} in ('draft', 'submitted', 'returned')`;
    case 'repealed':
      return sql`${policies.status} = 'repealed'`;
    case 'expired':
      return sql`${policies.status} = 'published' and ${policies.effectiveTo} < ${today}`;
    case 'not-yet':
      return sql`${policies.status} = 'published' and ${policies.effectiveFrom} > ${today} and (${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${today})`;
    case 'valid':
      return sql`${policies.status} = 'published' and ${policies.effectiveFrom} <= ${today} and (${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${today})`;
  }
}

export async function loadScopedPolicy(
  executor: Executor,
  actor: Actor | null,
  id: number,
): Promise<PolicyRow> {
  const [row] = await executor
    .select()
    .from(policies)
    .where(and(eq(policies.id, id), policyScope(actor)));
  if (!row) throw notFound();
  return row;
}

export function toItem(row: PolicyItemRow): PolicyItem {
  return {
    id: row.id,
    policyId: row.policyId,
    title: row.title,
    type: row.type,
    beneficiaries: row.beneficiaries,
    conditions: row.conditions,
    amount: row.amount,
    fulfilMode: row.fulfilMode,
    fulfilDays: row.fulfilDays,
    windowFrom: row.windowFrom,
    windowTo: row.windowTo,
    department: row.department,
    contact: row.contact,
  };
}

/** Summaries with their item counts and the policy that repealed each (if any). */
export async function toSummaries(executor: Executor, rows: readonly PolicyRow[]): Promise<PolicySummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [counts, successors] = await Promise.all([
    executor
      .select({ policyId: policyItems.policyId, count: sql<number>`count(*)::int` })
      .from(policyItems)
      .where(inArray(policyItems.policyId, ids))
      .groupBy(policyItems.policyId),
    executor
      .select({
        id: policies.id,
        title: policies.title,
        documentNo: policies.documentNo,
        supersedesId: policies.supersedesId,
      })
      .from(policies)
      .where(and(inArray(policies.supersedesId, ids), eq(policies.status, 'published'))),
  ]);
  return rows.map((row) => {
    const successor = successors.find((candidate) => candidate.supersedesId === row.id);
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      validity: validityOf(row),
      title: row.title,
      level: row.level,
      theme: row.theme,
      indexNo: row.indexNo,
      documentNo: row.documentNo,
      issuer: row.issuer,
      writtenOn: row.writtenOn,
      publishedOn: row.publishedOn,
      effectiveFrom: row.effectiveFrom,
      effectiveTo: row.effectiveTo,
      itemCount: counts.find((count) => count.policyId === row.id)?.count ?? 0,
      supersededBy:
        row.status === 'repealed' && successor
          ? { id: successor.id, title: successor.title, documentNo: successor.documentNo }
          : null,
    };
  });
}

export async function readItems(executor: Executor, policyId: number): Promise<PolicyItemRow[]> {
  return executor
    .select()
    .from(policyItems)
    .where(eq(policyItems.policyId, policyId))
    .orderBy(asc(policyItems.position));
}

export async function toDetail(executor: Executor, actor: Actor | null, row: PolicyRow): Promise<Policy> {
  const [[summary], items, history, [previous]] = await Promise.all([
    toSummaries(executor, [row]),
    readItems(executor, row.id),
    actor && (actor.role === 'staff' || actor.role === 'leader')
      ? readHistory(executor, policyWorkflow.name, row.id)
      : [],
    row.supersedesId === null
      ? []
      : executor
          .select({ id: policies.id, title: policies.title, documentNo: policies.documentNo })
          .from(policies)
          .where(eq(policies.id, row.supersedesId)),
  ]);
  return {
    ...summary,
    fullText: row.fullText,
    interpretation: row.interpretation,
    attachments: row.attachments,
    supersedes: previous ?? null,
    items: items.map(toItem),
    allowedActions: actor
      ? listAllowedActions(policyWorkflow, row.status, { role: actor.role, isOwner: false })
      : [],
    history,
  };
}
