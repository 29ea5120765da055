import {
  assessVatExemption,
  formatRegistrationNumber,
  registrationDueOn,
  techContractWorkflow,
  type WorkCalendarDays,
} from '@kechuang/domain';
import { asc, eq } from 'drizzle-orm';
import type { DemoContext } from '../../core/module';
import { readDistrictSettings } from '../../core/settings';
import type { Transaction } from '../../db/connection';
import {
  enterprises,
  techContracts,
  techGuidanceVisits,
  users,
  workCalendars,
  workflowHistory,
} from '../../db/schema';
import { demoDate } from '../../demo/demo-today';
import { createRandom } from '../../demo/random';
import { createDemoBuyerPool, type DemoSeller } from './demo-names';
import { demoTimeLimitDays, type PlannedContract, planDemoTechContracts } from './demo-plan';
import { planOutsideTheFigures } from './demo-plan-pending';
import { readTechTransferSettings } from './settings';

/**
 * Every published calendar, without the "years set" guard: a filing made in the last days of a year
 * whose next calendar is not out yet runs over weekends alone, as the registry would count it by hand.
 */
async function loadDemoCalendar(tx: Transaction): Promise<WorkCalendarDays> {
  const rows = await tx.select().from(workCalendars);
  return { holidays: rows.flatMap((row) => row.holidays), workdays: rows.flatMap((row) => row.workdays) };
}

async function loadSellers(tx: Transaction): Promise<DemoSeller[]> {
  const rows = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      industry: enterprises.industry,
      userId: users.id,
      contactName: enterprises.contactName,
    })
    .from(enterprises)
    .innerJoin(users, eq(users.enterpriseId, enterprises.id))
    .where(eq(enterprises.status, 'verified'))
    .orderBy(asc(enterprises.id));
  return rows.map((row) => ({ ...row, industry: row.industry ?? 'tech-services' }));
}

/** 9:00–17:00 China time on the day, so the 流程记录 reads like an office's day. */
function at(date: string, random: ReturnType<typeof createRandom>): Date {
  return new Date(
    `${date}T${String(random.integer(9, 16)).padStart(2, '0')}:${String(random.integer(0, 59)).padStart(2, '0')}:00+08:00`,
  );
}

/**
 * The district's 技术合同 demo: the contracts of 2020 and of 2021 to the end of June registered with
 * the seed's totals, their 免税 claims, 补正, a refusal and a cancellation, and filings waiting now.
 * Rows are written as the registration service writes them, with the same workflow history.
 */
export async function seedTechTransferDemo(context: DemoContext): Promise<undefined> {
  const tx = context.db;
  const random = createRandom(20211231);
  // One after another: a transaction's client runs one statement at a time.
  const sellers = await loadSellers(tx);
  const calendar = await loadDemoCalendar(tx);
  const settings = await readTechTransferSettings(tx);
  const district = await readDistrictSettings(tx);
  // The enterprises with most R&D sign most contracts: the list's head is drawn most often.
  const sellerPool = sellers.filter((_, index) => index % 3 === 0);
  const options = {
    random,
    sellers: sellerPool,
    buyers: createDemoBuyerPool(sellers, district.regionCode),
    calendar,
    today: demoDate(context.today),
  };
  const plan = planDemoTechContracts(options);
  let nextKey = plan.length;
  plan.push(...planOutsideTheFigures(options, () => nextKey++));
  const numbers = registrationNumbers(plan, settings.numberFormat);
  const staff = context.staff.find((user) => user.role === 'staff') ?? context.staff[0];
  const byKey = new Map(plan.map((contract) => [contract.key, contract]));
  const ids = new Map<number, number>();
  for (let start = 0; start < plan.length; start += 200) {
    const batch = plan.slice(start, start + 200);
    const rows = await tx
      .insert(techContracts)
      .values(
        batch.map((contract) => {
          const techFen = contract.contractFen - contract.nonTechnicalFen;
          const linked = contract.linkedKey === null ? null : byKey.get(contract.linkedKey);
          const counted = contract.registeredOn !== null;
          const exemption = assessVatExemption({
            category: contract.category,
            linkedContractCategory: linked?.category ?? null,
            sameInvoice: contract.sameInvoice,
          });
          const days = demoTimeLimitDays(contract, settings.timeLimits);
          const updatedOn = contract.steps.at(-1)?.on ?? contract.signedOn;
          return {
            createdAt: at(contract.steps[0]?.on ?? contract.signedOn, random),
            updatedAt: at(updatedOn, random),
            version: 1 + contract.steps.length,
            enterpriseId: contract.seller.id,
            status: contract.status,
            title: contract.title,
            category: contract.category,
            sellerName: contract.seller.name,
            sellerCreditCode: contract.seller.creditCode,
            buyerName: contract.buyer.name,
            buyerCreditCode: contract.buyer.creditCode,
            buyerRegionCode: contract.buyer.regionCode,
            signedOn: contract.signedOn,
            termStartOn: contract.signedOn,
            termEndOn: contract.termEndOn,
            contractFen: contract.contractFen,
            techFen,
            carrierFen: contract.carrierFen,
            nonTechnicalCosts:
              contract.nonTechnicalFen > 0
                ? [
                    {
                      kind: 'equipment' as const,
                      description: '配套设备及原材料采购',
                      amountFen: contract.nonTechnicalFen,
                    },
                  ]
                : [],
            payments: paymentsOf(contract),
            sameInvoice: contract.sameInvoice,
            disputed: contract.disputed,
            acceptedOn: contract.acceptedOn,
            timeLimitDays: contract.acceptedOn === null ? null : days,
            dueOn:
              contract.acceptedOn === null ? null : registrationDueOn(contract.acceptedOn, days, calendar),
            registrationNo: numbers.get(contract.key) ?? null,
            registeredOn: contract.registeredOn,
            refusalReason: contract.refusalReason,
            exemptionEligible: counted ? exemption.eligible : null,
            exemptionReason: counted ? exemption.reason.zh : null,
            exemptionClaimed: contract.exemptionClaimed && (!counted || exemption.eligible),
          };
        }),
      )
      .returning({ id: techContracts.id });
    batch.forEach((contract, index) => {
      ids.set(contract.key, rows[index].id);
    });
  }
  for (const contract of plan.filter((item) => item.linkedKey !== null)) {
    await tx
      .update(techContracts)
      .set({ linkedContractId: ids.get(contract.linkedKey ?? -1) })
      .where(eq(techContracts.id, ids.get(contract.key) ?? 0));
  }
  const history = plan.flatMap((contract) => {
    const objectId = ids.get(contract.key) ?? 0;
    const seller = {
      actorId: contract.seller.userId,
      actorName: contract.seller.contactName,
      actorRole: 'enterprise',
    };
    const registrar = { actorId: staff.id, actorName: staff.displayName, actorRole: 'staff' };
    let fromStatus: string | null = techContractWorkflow.initial;
    return [
      {
        workflow: techContractWorkflow.name,
        objectId,
        action: 'create',
        fromStatus: null,
        toStatus: techContractWorkflow.initial,
        ...seller,
        comment: null,
        createdAt: at(shiftBack(contract.steps[0]?.on ?? contract.signedOn), random),
      },
      ...contract.steps.map((step) => {
        const entry = {
          workflow: techContractWorkflow.name,
          objectId,
          action: step.action,
          fromStatus,
          toStatus: step.toStatus,
          ...(step.by === 'seller' ? seller : registrar),
          comment: step.comment ?? null,
          createdAt: at(step.on, random),
        };
        fromStatus = step.toStatus;
        return entry;
      }),
    ];
  });
  for (let start = 0; start < history.length; start += 500) {
    await tx.insert(workflowHistory).values(history.slice(start, start + 500));
  }
  await tx.insert(techGuidanceVisits).values(planGuidanceVisits(random, sellers, staff));
  return undefined;
}

/** A filing is drafted the day before it is submitted. */
function shiftBack(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}

/** 40 % on signing, the rest on acceptance of the result, in whole 100 元. */
function paymentsOf(contract: PlannedContract) {
  const first = Math.round((contract.contractFen * 0.4) / 10_000) * 10_000;
  return [
    { dueOn: contract.signedOn, amountFen: first, note: '合同签订后支付' },
    { dueOn: contract.termEndOn, amountFen: contract.contractFen - first, note: '验收合格后支付' },
  ];
}

/** 合同登记编号 in registration order within each year, as the registry's sequence runs. */
function registrationNumbers(
  plan: readonly PlannedContract[],
  format: Parameters<typeof formatRegistrationNumber>[0],
): Map<number, string> {
  const registered = plan
    .filter((contract) => contract.registeredOn !== null)
    .sort((a, b) => (a.registeredOn ?? '').localeCompare(b.registeredOn ?? '') || a.key - b.key);
  const sequences = new Map<number, number>();
  const numbers = new Map<number, string>();
  for (const contract of registered) {
    const year = Number(contract.registeredOn?.slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    numbers.set(contract.key, formatRegistrationNumber(format, year, sequence));
  }
  return numbers;
}

const GUIDANCE_ADVICE = [
  '讲解技术合同认定登记流程，建议将与高校合作的研发项目按技术开发合同登记',
  '企业对外提供的检测分析服务可按技术服务合同登记，已指导准备合同文本',
  '企业委托开发合同尚未登记，提醒在合同有效期内办理，并说明免征增值税政策',
  '专利转让合同可办理认定登记并享受免税，已发放登记指南',
  '指导企业区分技术交易额与设备采购等非技术性费用',
];

/** The 技术合同登记服务指导组's visits of 2020 and 2021 H1, some to sellers, some to enterprises not yet signing. */
function planGuidanceVisits(
  random: ReturnType<typeof createRandom>,
  enterprisesToVisit: readonly DemoSeller[],
  staff: { id: number; displayName: string },
) {
  return Array.from({ length: 24 }, (_, index) => {
    const year = index < 10 ? 2020 : 2021;
    const month = year === 2020 ? random.integer(3, 12) : random.integer(1, 6);
    return {
      enterpriseId: random.pick(enterprisesToVisit).id,
      visitedOn: `${year}-${String(month).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`,
      kind: random.pick(['visit', 'visit', 'call', 'training'] as const),
      visitors: `${staff.displayName}、技术经纪人${random.pick(['孙', '周', '吴', '郑'])}老师`,
      advice: random.pick(GUIDANCE_ADVICE),
      recordedBy: staff.id,
    };
  });
}
