import {
  assessVatExemption,
  chinaToday,
  formatRegistrationNumber,
  registrationDueOn,
  registrationNumberPrefix,
  registrationTimeLimitDays,
  type TechContractCategory,
  type TechContractInput,
  techContractWorkflow,
} from '@kechuang/domain';
import { and, eq, like, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { countWorkingDays, loadWorkCalendar } from '../../core/calendar/work-calendar';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { checkUpload, storeFile } from '../../core/files';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition } from '../../core/workflow';
import type { Database, Transaction } from '../../db/connection';
import { storedFiles, techContracts } from '../../db/schema';
import { type TechContractRow, toDetail } from './contract-view';
import {
  checkAgainstData,
  columnsOf,
  EDITABLE_STATUSES,
  loadScopedContract,
  requireActor,
} from './contracts-service';
import { readTechTransferSettings } from './settings';

export const SIGNED_CONTRACT_PURPOSE = 'tech-contract-signed';

/** Today in China; `KECHUANG_TODAY` lets a demo or a drill pin the date. */
export function today(): string {
  return process.env.KECHUANG_TODAY ?? chinaToday();
}

function fieldError(path: string, message: string): AppError {
  return new AppError(400, 'validation', [{ path, message }]);
}

/** (Re)starts the time limit from today: on submission and on every resubmission after 补正. */
async function startClock(tx: Transaction, row: TechContractRow) {
  const { timeLimits } = await readTechTransferSettings(tx);
  const acceptedOn = today();
  const year = Number(acceptedOn.slice(0, 4));
  const calendar = await loadWorkCalendar(tx, [year, year + 1]);
  const days = registrationTimeLimitDays(row.techFen, row.disputed, timeLimits);
  return [
    sql`accepted_on = ${acceptedOn}`,
    sql`time_limit_days = ${days}`,
    sql`due_on = ${countWorkingDays(() => registrationDueOn(acceptedOn, days, calendar))}`,
  ];
}

/** The next number of this registry's sequence in the year (the unique index settles a race). */
async function nextRegistrationNumber(tx: Transaction, year: number): Promise<string> {
  const { numberFormat } = await readTechTransferSettings(tx);
  const prefix = registrationNumberPrefix(numberFormat, year);
  const [last] = await tx
    .select({ value: sql<string | null>`max(${techContracts.registrationNo})` })
    .from(techContracts)
    .where(like(techContracts.registrationNo, `${prefix}%`));
  const sequence = last?.value ? Number(last.value.slice(8)) + 1 : 1;
  return formatRegistrationNumber(numberFormat, year, sequence);
}

/** 免税 eligibility at registration: a 咨询/服务 contract counts only with its registered linked contract. */
async function assessExemption(tx: Transaction, row: TechContractRow) {
  let linkedContractCategory: TechContractCategory | null = null;
  if (row.linkedContractId !== null) {
    const [linked] = await tx
      .select({ category: techContracts.category, status: techContracts.status })
      .from(techContracts)
      .where(eq(techContracts.id, row.linkedContractId));
    if (linked?.status === 'registered') linkedContractCategory = linked.category as TechContractCategory;
  }
  return assessVatExemption({
    category: row.category as TechContractCategory,
    linkedContractCategory,
    sameInvoice: row.sameInvoice,
  });
}

async function registerAssignments(tx: Transaction, row: TechContractRow, registeredOn: string) {
  if (registeredOn < row.signedOn) {
    throw new AppError(400, 'techContractRegisteredBeforeSigned', [
      { path: 'registeredOn', message: `登记日期：不能早于合同签订日期（${row.signedOn}）` },
    ]);
  }
  if (registeredOn > today()) throw fieldError('registeredOn', '登记日期：不能晚于今天');
  const exemption = await assessExemption(tx, row);
  return [
    sql`registration_no = ${await nextRegistrationNumber(tx, Number(registeredOn.slice(0, 4)))}`,
    sql`registered_on = ${registeredOn}`,
    sql`exemption_eligible = ${exemption.eligible}`,
    sql`exemption_reason = ${exemption.reason.zh}`,
    // A claim the rule does not allow is dropped at registration, with the reason shown.
    sql`exemption_claimed = ${row.exemptionClaimed && exemption.eligible}`,
  ];
}

/**
 * 变更登记: the registry changes the registered content (amount, parties, category…); 技术交易额 and
 * 免税 are worked out again from the new content, the number and date stay.
 */
async function amendAssignments(
  tx: Transaction,
  context: RequestContext,
  row: TechContractRow,
  changes: TechContractInput | undefined,
) {
  if (!changes) throw fieldError('changes', '变更内容：必填');
  const techFen = await checkAgainstData(tx, row.enterpriseId, changes, row.id);
  if (row.registeredOn !== null && row.registeredOn < changes.signedOn) {
    throw fieldError('signedOn', `签订日期：不能晚于登记日期（${row.registeredOn}）`);
  }
  const [changed] = await tx
    .update(techContracts)
    .set(columnsOf(changes, techFen))
    .where(eq(techContracts.id, row.id))
    .returning();
  await recordAudit(tx, context, {
    event: 'tech-contract.amend-content',
    objectType: 'tech_contracts',
    objectId: row.id,
    before: { ...columnsOf(pickInput(row), row.techFen) },
    after: { ...columnsOf(changes, techFen) },
  });
  const exemption = await assessExemption(tx, changed);
  return [
    sql`exemption_eligible = ${exemption.eligible}`,
    sql`exemption_reason = ${exemption.reason.zh}`,
    sql`exemption_claimed = ${changed.exemptionClaimed && exemption.eligible}`,
  ];
}

function pickInput(row: TechContractRow): TechContractInput {
  return {
    title: row.title,
    category: row.category as TechContractCategory,
    buyerName: row.buyerName,
    buyerCreditCode: row.buyerCreditCode,
    buyerRegionCode: row.buyerRegionCode,
    signedOn: row.signedOn,
    termStartOn: row.termStartOn,
    termEndOn: row.termEndOn,
    contractFen: row.contractFen,
    nonTechnicalCosts: row.nonTechnicalCosts,
    carrierFen: row.carrierFen,
    payments: row.payments,
    linkedContractId: row.linkedContractId,
    sameInvoice: row.sameInvoice,
    disputed: row.disputed,
    exemptionClaimed: row.exemptionClaimed,
  };
}

/**
 * One step of 认定登记 on the workflow runtime, with what the step sets besides the state: the
 * clock on (re)submission, number, date and 免税 on registration, the reason on refusal.
 */
export async function actOnContract(
  db: Database,
  options: {
    id: number;
    action: string;
    version: number;
    comment?: string;
    registeredOn?: string;
    changes?: TechContractInput;
    context: RequestContext;
  },
) {
  const actor = requireActor(options.context);
  try {
    return await db.transaction(async (tx) => {
      const row = await loadScopedContract(tx, actor, options.id);
      const extraAssignments: ReturnType<typeof sql>[] = [];
      if (options.action === 'submit' || options.action === 'resubmit') {
        if (ownsEnterprise(actor, row.enterpriseId) && row.signedFileId === null) {
          throw new AppError(400, 'techContractFileMissing', [
            { path: 'signedFileId', message: '合同文本（PDF）：请先上传签字盖章的合同文本' },
          ]);
        }
        if (row.status === (options.action === 'submit' ? 'draft' : 'returned')) {
          extraAssignments.push(...(await startClock(tx, row)), sql`warned_due_on = null`);
        }
      }
      if (
        options.action === 'register' &&
        ['submitted', 'resubmitted'].includes(row.status) &&
        actor.role === 'staff'
      ) {
        extraAssignments.push(...(await registerAssignments(tx, row, options.registeredOn ?? today())));
      }
      if (options.action === 'amend' && row.status === 'registered' && actor.role === 'staff') {
        extraAssignments.push(...(await amendAssignments(tx, options.context, row, options.changes)));
      }
      if (options.action === 'refuse')
        extraAssignments.push(sql`refusal_reason = ${options.comment?.trim() ?? null}`);
      await fireTransition(tx, {
        definition: techContractWorkflow,
        table: 'tech_contracts',
        objectId: row.id,
        action: options.action,
        expectedVersion: options.version,
        comment: options.comment,
        context: options.context,
        isOwner: ownsEnterprise(actor, row.enterpriseId),
        ownerEnterpriseId: row.enterpriseId,
        subject: `技术合同“${row.title}”`,
        link: `/tech-transfer/contracts/${row.id}`,
        extraAssignments,
      });
      const [updated] = await tx.select().from(techContracts).where(eq(techContracts.id, row.id));
      return toDetail(tx, actor, updated);
    });
  } catch (error) {
    // Two registrations taking the same next number: the later one retries after a reload.
    if (isUniqueViolation(error)) throw versionConflict();
    throw error;
  }
}

/** The signed contract, PDF only, checked by its content; replaces an earlier upload while editable. */
export async function uploadSignedContract(
  db: Database,
  options: { id: number; buffer: Buffer; fileName: string; context: RequestContext },
) {
  const actor = requireActor(options.context);
  let checked: { mediaType: string };
  try {
    checked = await checkUpload(options.buffer, options.fileName);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 400) {
      throw new AppError(400, 'techContractNotPdf', [{ path: 'file', message: '' }]);
    }
    throw error;
  }
  if (checked.mediaType !== 'application/pdf') {
    throw new AppError(400, 'fileTypeNotAllowed', [
      { path: 'file', message: '合同文本（PDF）：只接受 PDF 文件' },
    ]);
  }
  return db.transaction(async (tx) => {
    const row = await loadScopedContract(tx, actor, options.id);
    if (!ownsEnterprise(actor, row.enterpriseId)) throw new AppError(403, 'forbidden');
    if (!EDITABLE_STATUSES.includes(row.status)) throw new AppError(409, 'techContractNotEditable');
    const file = await storeFile(tx, options.context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: SIGNED_CONTRACT_PURPOSE,
      ownerEnterpriseId: row.enterpriseId,
    });
    await tx
      .update(techContracts)
      .set({ signedFileId: file.id, version: sql`${techContracts.version} + 1`, updatedAt: new Date() })
      .where(eq(techContracts.id, row.id));
    return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size };
  });
}

export async function findSignedContract(db: Database, options: { context: RequestContext; id: number }) {
  const row = await loadScopedContract(db, requireActor(options.context), options.id);
  if (row.signedFileId === null) throw notFound();
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, row.signedFileId), eq(storedFiles.purpose, SIGNED_CONTRACT_PURPOSE)));
  if (!file) throw notFound();
  return file;
}

/** The seller marks whether it actually claimed the exemption on a registered, eligible contract. */
export async function markExemptionClaimed(
  db: Database,
  options: { id: number; version: number; claimed: boolean; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedContract(tx, actor, options.id);
    if (!ownsEnterprise(actor, row.enterpriseId)) throw new AppError(403, 'forbidden');
    if (row.status !== 'registered') throw new AppError(409, 'transitionNotAllowed');
    if (options.claimed && !row.exemptionEligible) {
      throw fieldError('exemptionClaimed', `申报免税：本合同不符合免税条件（${row.exemptionReason ?? ''}）`);
    }
    return updateExemption(tx, options.context, row, options.version, {
      exemptionClaimed: options.claimed,
      exemptionConfirmedAt: null,
      exemptionConfirmedBy: null,
    });
  });
}

/** The finance/tax observer confirms a claimed exemption. */
export async function confirmExemption(
  db: Database,
  options: { id: number; version: number; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedContract(tx, actor, options.id);
    if (row.status !== 'registered' || !row.exemptionClaimed || !row.exemptionEligible) {
      throw new AppError(409, 'transitionNotAllowed');
    }
    return updateExemption(tx, options.context, row, options.version, {
      exemptionConfirmedAt: new Date(),
      exemptionConfirmedBy: actor.userId,
    });
  });
}

async function updateExemption(
  tx: Transaction,
  context: RequestContext,
  row: TechContractRow,
  version: number,
  values: Partial<
    Pick<TechContractRow, 'exemptionClaimed' | 'exemptionConfirmedAt' | 'exemptionConfirmedBy'>
  >,
) {
  const [updated] = await tx
    .update(techContracts)
    .set({ ...values, version: sql`${techContracts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(techContracts.id, row.id), eq(techContracts.version, version)))
    .returning();
  if (!updated) throw versionConflict();
  await recordAudit(tx, context, {
    event: 'tech-contract.exemption',
    objectType: 'tech_contracts',
    objectId: row.id,
    before: { exemptionClaimed: row.exemptionClaimed, confirmedAt: row.exemptionConfirmedAt },
    after: { exemptionClaimed: updated.exemptionClaimed, confirmedAt: updated.exemptionConfirmedAt },
  });
  const actor = requireActor(context);
  return toDetail(tx, actor, updated);
}
