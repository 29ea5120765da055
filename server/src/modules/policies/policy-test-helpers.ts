import type { PolicyInput } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import {
  enterprises,
  enterpriseYearFigures,
  highTechCertificates,
  techSmeRegistrations,
} from '../../db/schema';
import { buildYearlyFigures } from '../cultivation/figures-fixtures';

export const WAN = 1_000_000;

/** A district policy with a 免申即享 award for new 科技型中小企业 and a 研发 subsidy with a cap and a floor. */
export function buildPolicyInput(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    title: '任城区支持企业研发创新若干措施',
    level: 'district',
    theme: 'rd',
    indexNo: '11370811004330516B/2020-00031',
    documentNo: '任政办发〔2020〕15号',
    issuer: '任城区人民政府办公室',
    writtenOn: '2020-03-01',
    publishedOn: '2020-03-05',
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    fullText:
      '对当年评价入库的科技型中小企业给予奖励。鼓励企业加大研发投入，对研发费用同比增加的企业按增加额给予后补助。',
    interpretation: '入库奖励免申即享；后补助按增加额的10%计算。',
    attachments: [],
    supersedesId: null,
    items: [
      {
        title: '科技型中小企业入库奖励',
        type: 'award',
        beneficiaries: '当年评价入库的科技型中小企业',
        conditions: [
          {
            field: 'techSme.registered',
            operator: 'eq',
            value: true,
            required: true,
            evidence: 'data',
            document: null,
          },
        ],
        amount: { kind: 'fixed', amountFen: 2 * WAN },
        fulfilMode: 'no-application',
        fulfilDays: 20,
        windowFrom: '2020-01-01',
        windowTo: '2020-12-31',
        department: '任城区科学技术局',
        contact: '0537-2968036',
      },
      {
        title: '研发费用后补助',
        type: 'award',
        beneficiaries: '研发费用同比增加的规模以上企业',
        conditions: [
          {
            field: 'figures.aboveDesignatedSize',
            operator: 'eq',
            value: true,
            required: true,
            evidence: 'data',
            document: null,
          },
          {
            field: 'figures.rdIncrease',
            operator: 'gte',
            value: 50,
            required: true,
            evidence: 'data',
            document: null,
          },
        ],
        amount: {
          kind: 'percent',
          baseField: 'figures.rdIncrease',
          ratePercent: 10,
          capFen: 30 * WAN,
          floorFen: 5 * WAN,
        },
        fulfilMode: 'no-application',
        fulfilDays: 60,
        windowFrom: null,
        windowTo: null,
        department: '任城区科学技术局',
        contact: '0537-2968036',
      },
    ],
    ...overrides,
  };
}

/** Marks an enterprise verified and gives it figures for 2019 and 2020 and, optionally, a 2020 科小 entry. */
export async function giveEnterpriseData(
  db: Database,
  enterpriseId: number,
  options: { rd2019Wan: number; rd2020Wan: number; techSme: boolean; hteIssuedOn?: string },
): Promise<void> {
  await db
    .update(enterprises)
    .set({ status: 'verified', verifiedAt: new Date() })
    .where(eq(enterprises.id, enterpriseId));
  await db.insert(enterpriseYearFigures).values([
    {
      enterpriseId,
      source: 'staff',
      ...buildYearlyFigures(2019, { rdExpenseFen: options.rd2019Wan * WAN, rdExpenseDomesticFen: 0 }),
    },
    {
      enterpriseId,
      source: 'staff',
      ...buildYearlyFigures(2020, { rdExpenseFen: options.rd2020Wan * WAN, rdExpenseDomesticFen: 0 }),
    },
  ]);
  if (options.techSme) {
    await db.insert(techSmeRegistrations).values({
      enterpriseId,
      year: 2020,
      registrationNumber: `2020370811A${String(enterpriseId).padStart(7, '0')}`,
      registeredOn: '2020-05-20',
    });
  }
  if (options.hteIssuedOn) {
    await db.insert(highTechCertificates).values({
      enterpriseId,
      certificateNumber: `GR2020370${String(enterpriseId).padStart(5, '0')}`,
      issuedOn: options.hteIssuedOn,
      expiresOn: `${Number(options.hteIssuedOn.slice(0, 4)) + 3}${options.hteIssuedOn.slice(4)}`,
      remindOn: options.hteIssuedOn,
    });
  }
}
