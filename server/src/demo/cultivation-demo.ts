import {
  computeCertificateExpiry,
  computeReminderDate,
  type HteApplicationStatus,
  hteApplicationWorkflow,
} from '@kechuang/domain';
import type { Transaction } from '../db/connection';
import {
  enterpriseYearFigures,
  highTechCertificates,
  hteApplications,
  hteBatches,
  hteHelpers,
  hteServiceRecords,
  techSmeRegistrations,
  workflowHistory,
} from '../db/schema';
import { seedCultivationPoolDemo } from './cultivation-pool-demo';
import { defaultDemoToday, demoDate } from './demo-today';
import { createRandom } from './random';

const WAN = 1_000_000;
export const DEMO_FIGURE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const MANUFACTURING = new Set([
  'fine-chemicals',
  'food-medicine',
  'advanced-manufacturing',
  'high-end-equipment',
  'new-energy-materials',
]);

interface DemoEnterprise {
  id: number;
  size: string;
  industry: string;
  status: string;
}

/** Plausible yearly figures: size sets the staff, each enterprise keeps its own R&D habit and growth. */
export function generateDemoFigures(enterprise: DemoEnterprise, seed: number) {
  const random = createRandom(seed);
  const baseEmployees =
    enterprise.size === 'large'
      ? random.integer(300, 1200)
      : enterprise.size === 'medium'
        ? random.integer(100, 300)
        : enterprise.size === 'small'
          ? random.integer(20, 100)
          : random.integer(8, 20);
  const habit = random.next();
  const rdPermille =
    habit < 0.35 ? random.integer(50, 85) : habit < 0.7 ? random.integer(30, 50) : random.integer(5, 30);
  const sciTechPercent = random.integer(6, 35);
  const highTechPercent = random.integer(30, 90);
  let revenueWan = baseEmployees * random.integer(40, 150);
  let employees = baseEmployees;
  const isManufacturing = MANUFACTURING.has(enterprise.industry);
  return DEMO_FIGURE_YEARS.map((year) => {
    revenueWan = Math.max(50, Math.round(revenueWan * (1 + random.integer(-3, 25) / 100)));
    employees = Math.max(5, Math.round(employees * (1 + random.integer(-2, 10) / 100)));
    const totalAssetsWan = Math.round((revenueWan * random.integer(80, 150)) / 100);
    const liabilitiesWan = Math.round((totalAssetsWan * random.integer(30, 60)) / 100);
    const rdWan = Math.round((revenueWan * rdPermille) / 1000);
    const ipClass1Count = random.integer(0, 5);
    const ipClass2Count = random.integer(0, 20);
    return {
      enterpriseId: enterprise.id,
      year,
      employees,
      sciTechStaff: Math.max(1, Math.round((employees * sciTechPercent) / 100)),
      revenueFen: revenueWan * WAN,
      costFen: Math.round((revenueWan * random.integer(80, 95)) / 100) * WAN,
      totalAssetsFen: totalAssetsWan * WAN,
      liabilitiesFen: liabilitiesWan * WAN,
      netAssetsFen: (totalAssetsWan - liabilitiesWan) * WAN,
      rdExpenseFen: rdWan * WAN,
      rdExpenseDomesticFen: Math.round((rdWan * random.integer(90, 100)) / 100) * WAN,
      highTechRevenueFen: Math.round((revenueWan * highTechPercent) / 100) * WAN,
      ipClass1Count,
      ipClass2Count,
      ipSelfDevelopedCount: Math.round(((ipClass1Count + ipClass2Count) * random.integer(50, 100)) / 100),
      conversionsCount: random.integer(0, 8),
      industrialOutputFen: isManufacturing
        ? Math.round((revenueWan * random.integer(90, 110)) / 100) * WAN
        : 0,
      isAboveDesignatedSize: isManufacturing && revenueWan >= 2000,
      source: 'import',
    };
  });
}

/** The 2020 and 2021 高企 batches of the seed: two in 2020 (21 recognised), four in 2021 (67 enterprises). */
const DEMO_BATCHES = [
  {
    year: 2020,
    name: '2020年第一批',
    submissionDeadline: '2020-06-30',
    statuses: { recognised: 11, notRecognised: 2 },
  },
  {
    year: 2020,
    name: '2020年第二批',
    submissionDeadline: '2020-08-31',
    statuses: { recognised: 10, notRecognised: 2 },
  },
  {
    year: 2021,
    name: '2021年第一批',
    submissionDeadline: '2021-05-31',
    statuses: { recognised: 12, notRecognised: 2, publicity: 3 },
  },
  {
    year: 2021,
    name: '2021年第二批',
    submissionDeadline: '2021-06-30',
    statuses: { expertReview: 9, submitted: 8 },
  },
  {
    year: 2021,
    name: '2021年第三批',
    submissionDeadline: '2021-08-31',
    statuses: { materialsReady: 6, coaching: 8, intent: 3 },
  },
  {
    year: 2021,
    name: '2021年第四批',
    submissionDeadline: '2021-09-30',
    statuses: { coaching: 6, intent: 10 },
  },
] as const;

const PATH: HteApplicationStatus[] = [
  'intent',
  'coaching',
  'materialsReady',
  'submitted',
  'expertReview',
  'publicity',
];
const ACTION_INTO: Partial<Record<HteApplicationStatus, string>> = {
  coaching: 'startCoaching',
  materialsReady: 'markMaterialsReady',
  submitted: 'submit',
  expertReview: 'startReview',
  publicity: 'publish',
  recognised: 'recognise',
  notRecognised: 'reject',
};

export async function seedCultivationDemo(
  tx: Transaction,
  options: {
    enterprises: DemoEnterprise[];
    staff: { id: number; displayName: string }[];
    /** The day the demo is loaded: certificates are re-recognised up to it. */
    today?: Date;
  },
) {
  const today = demoDate(options.today ?? defaultDemoToday());
  const verified = options.enterprises.filter((enterprise) => enterprise.status === 'verified');
  const figures = verified.flatMap((enterprise) => generateDemoFigures(enterprise, 7000 + enterprise.id));
  for (let offset = 0; offset < figures.length; offset += 500) {
    await tx.insert(enterpriseYearFigures).values(figures.slice(offset, offset + 500));
  }
  const random = createRandom(2021);
  // Enterprises that apply in 2020 may apply again in 2021 only if not recognised in 2020.
  const candidates = [...verified].sort((a, b) => a.id - b.id);
  let cursor = 0;
  const recognised2020 = new Set<number>();
  for (const batchSpec of DEMO_BATCHES) {
    const [batch] = await tx
      .insert(hteBatches)
      .values({
        year: batchSpec.year,
        name: batchSpec.name,
        submissionDeadline: batchSpec.submissionDeadline,
      })
      .returning({ id: hteBatches.id });
    for (const [status, total] of Object.entries(batchSpec.statuses) as [HteApplicationStatus, number][]) {
      for (let index = 0; index < total; index++) {
        let enterprise = candidates[cursor % candidates.length];
        cursor += 1;
        if (batchSpec.year === 2021 && recognised2020.has(enterprise.id)) {
          enterprise = candidates[cursor % candidates.length];
          cursor += 1;
        }
        if (batchSpec.year === 2020 && status === 'recognised') recognised2020.add(enterprise.id);
        const [application] = await tx
          .insert(hteApplications)
          .values({ enterpriseId: enterprise.id, batchId: batch.id, year: batchSpec.year, status })
          .returning({ id: hteApplications.id });
        const helper = options.staff[index % options.staff.length];
        await tx
          .insert(hteHelpers)
          .values({ applicationId: application.id, userId: helper.id, isLead: true });
        const reached =
          status === 'recognised' || status === 'notRecognised'
            ? [...PATH, status]
            : PATH.slice(0, PATH.indexOf(status) + 1);
        await tx.insert(workflowHistory).values(
          reached.map((state, step) => ({
            workflow: hteApplicationWorkflow.name,
            objectId: application.id,
            action: step === 0 ? 'create' : (ACTION_INTO[state] ?? state),
            fromStatus: step === 0 ? null : reached[step - 1],
            toStatus: state,
            actorId: helper.id,
            actorName: helper.displayName,
            actorRole: 'staff',
            comment:
              step === 0
                ? batchSpec.name
                : state === 'notRecognised'
                  ? '研发费用归集不规范，未通过专家评审'
                  : null,
          })),
        );
        if (reached.length > 1) {
          await tx.insert(hteServiceRecords).values({
            applicationId: application.id,
            kind: random.pick(['visit', 'call', 'advice', 'document'] as const),
            happenedOn: `${batchSpec.year}-0${random.integer(2, 5)}-${String(random.integer(10, 28))}`,
            summary: random.pick([
              '上门讲解高企认定条件与研发费用归集',
              '电话指导知识产权布局',
              '辅导编制研究开发活动说明',
              '审核申报材料并提出修改意见',
            ]),
            recordedBy: helper.id,
          });
        }
      }
    }
  }
  await seedRegisters(tx, candidates, [...recognised2020], today);
  await seedCultivationPoolDemo(tx, options.staff);
  return { figures: figures.length };
}

/**
 * The seed's registers: 68 科技型中小企业 入库 in 2020 and 92 in 2021; 64 valid 高企 certificates at the
 * end of 2020, of which 21 issued in 2020 (12 re-recognitions of 2017 certificates, 9 new). After
 * 2020 the holders are re-recognised every three years up to `today` (all but a few that let their
 * certificate lapse), so a demo loaded on any day has certificates in force, some of them expiring.
 */
async function seedRegisters(
  tx: Transaction,
  candidates: DemoEnterprise[],
  recognised2020: number[],
  today: string,
) {
  const registrations = [
    ...candidates.slice(0, 68).map((enterprise, index) => ({ enterprise, year: 2020, index })),
    ...candidates.slice(20, 112).map((enterprise, index) => ({ enterprise, year: 2021, index })),
  ];
  await tx.insert(techSmeRegistrations).values(
    registrations.map(({ enterprise, year, index }) => ({
      enterpriseId: enterprise.id,
      year,
      registrationNumber: `${year}370811A${String(index + 1).padStart(7, '0')}`,
      registeredOn: `${year}-0${(index % 6) + 4}-15`,
    })),
  );
  const serials = new Map<string, number>();
  const certificate = (enterpriseId: number, issuedOn: string) => {
    const year = issuedOn.slice(0, 4);
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const expiresOn = computeCertificateExpiry(issuedOn);
    return {
      enterpriseId,
      certificateNumber: `GR${year}37${String(1000 + serial).padStart(6, '0')}`,
      issuedOn,
      expiresOn,
      remindOn: computeReminderDate(expiresOn),
    };
  };
  const renewed = recognised2020.slice(0, 12);
  const others = candidates.filter((enterprise) => !recognised2020.includes(enterprise.id)).slice(120, 163);
  const until2020 = [
    ...renewed.map((id) => certificate(id, '2017-12-07')),
    ...recognised2020.map((id, index) => certificate(id, index < 11 ? '2020-08-17' : '2020-12-08')),
    ...others.slice(0, 20).map((enterprise) => certificate(enterprise.id, '2018-11-30')),
    ...others.slice(20).map((enterprise) => certificate(enterprise.id, '2019-11-28')),
  ];
  const latest = new Map<number, string>();
  for (const row of until2020) {
    if ((latest.get(row.enterpriseId) ?? '') < row.issuedOn) latest.set(row.enterpriseId, row.issuedOn);
  }
  const lapsing = new Set(others.filter((_, index) => index % 8 === 7).map((enterprise) => enterprise.id));
  const renewals = [...latest]
    .filter(([enterpriseId]) => !lapsing.has(enterpriseId))
    .flatMap(([enterpriseId, issuedOn]) => {
      const rows = [];
      // Re-recognised as the certificate runs out, a new three years each time.
      for (
        let next = computeCertificateExpiry(issuedOn);
        next <= today;
        next = computeCertificateExpiry(next)
      ) {
        rows.push(certificate(enterpriseId, next));
      }
      return rows;
    });
  await tx.insert(highTechCertificates).values([...until2020, ...renewals]);
}
