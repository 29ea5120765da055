import { buildUscc, enterpriseVerificationWorkflow, INDUSTRIES, USCC_CHARSET } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import type { DemoContext, DemoDistrict } from '../core/module';
import { hashPassword } from '../core/passwords';
import { DISTRICT_SETTINGS_KEY } from '../core/settings';
import { enterprises, serviceDepartments, settings, users, workflowHistory } from '../db/schema';
import { createRandom } from './random';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  GIVEN_NAMES,
  INDUSTRY_WORDS,
  NAME_PREFIXES,
  RENCHENG_SETTINGS,
  SURNAMES,
  TRADE_NAMES,
} from './rencheng';

export const DEMO_ENTERPRISE_COUNT = 320;

export interface GeneratedEnterprise {
  creditCode: string;
  name: string;
  industry: string;
  street: string;
  size: string;
  foundedOn: string;
  contactName: string;
  contactPhone: string;
  address: string;
  registeredCapitalFen: number;
  status: 'pending' | 'verified' | 'returned';
}

/** Plausible enterprises of the district, with valid 统一社会信用代码 under region 370811. */
export function generateDemoEnterprises(count: number, seed = 20201231): GeneratedEnterprise[] {
  const random = createRandom(seed);
  const codes = new Set<string>();
  const names = new Set<string>();
  const result: GeneratedEnterprise[] = [];
  while (result.length < count) {
    const industry = random.pick(INDUSTRIES).code;
    const name = `${random.pick(NAME_PREFIXES)}${random.pick(TRADE_NAMES)}${random.pick(INDUSTRY_WORDS[industry])}${random.chance(0.2) ? '股份' : ''}有限公司`;
    if (names.has(name)) continue;
    let body = 'MA';
    for (let i = 0; i < 7; i++) body += USCC_CHARSET[random.integer(0, 30)];
    const creditCode = buildUscc(RENCHENG_SETTINGS.regionCode, body);
    if (codes.has(creditCode)) continue;
    names.add(name);
    codes.add(creditCode);
    const street = random.pick(RENCHENG_SETTINGS.streets);
    const roll = random.next();
    result.push({
      creditCode,
      name,
      industry,
      street,
      size: roll < 0.05 ? 'large' : roll < 0.25 ? 'medium' : roll < 0.75 ? 'small' : 'micro',
      foundedOn: `${random.integer(1996, 2024)}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`,
      contactName: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
      contactPhone: `1${random.pick(['33', '35', '37', '38', '39', '52', '58', '86', '89'])}${String(random.integer(0, 99_999_999)).padStart(8, '0')}`,
      address: `济宁市任城区${street}${random.pick(['建设路', '太白东路', '红星中路', '运河路', '洸河路', '古槐路', '科苑路'])}${random.integer(1, 300)}号`,
      registeredCapitalFen: random.integer(50, 20_000) * 1_000_000,
      status: roll < 0.04 ? 'returned' : random.chance(0.1) ? 'pending' : 'verified',
    });
  }
  return result;
}

/** The first demo step of 任城区: settings, a user per role and a few hundred enterprises. */
export async function seedDemoBase(context: DemoContext): Promise<DemoDistrict> {
  const generated = generateDemoEnterprises(context.enterpriseCount);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tx = context.db;
  await tx.insert(settings).values({ key: DISTRICT_SETTINGS_KEY, value: RENCHENG_SETTINGS });
  // A department account answers for the 问题台账 department of its name (seeded by the migrations).
  const departmentIds = new Map(
    (
      await tx.select({ id: serviceDepartments.id, name: serviceDepartments.name }).from(serviceDepartments)
    ).map((row) => [row.name, row.id]),
  );
  const staffRows = await tx
    .insert(users)
    .values(
      DEMO_USERS.map(({ departmentName, ...user }) => ({
        ...user,
        departmentId: departmentName ? (departmentIds.get(departmentName) ?? null) : null,
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      })),
    )
    .returning();
  const verifier = staffRows.find((row) => row.role === 'staff')!;
  const seeded: { id: number; size: string; industry: string; status: string }[] = [];
  for (let offset = 0; offset < generated.length; offset += 200) {
    const batch = generated.slice(offset, offset + 200);
    const rows = await tx
      .insert(enterprises)
      .values(
        batch.map((item) => ({
          ...item,
          contactEmail: null,
          legalRepresentative: item.contactName,
          verifiedAt: item.status === 'verified' ? sql`now()` : null,
        })),
      )
      .returning({
        id: enterprises.id,
        creditCode: enterprises.creditCode,
        status: enterprises.status,
        contactName: enterprises.contactName,
        size: enterprises.size,
        industry: enterprises.industry,
      });
    seeded.push(
      ...rows.map((row) => ({
        id: row.id,
        size: row.size ?? 'small',
        industry: row.industry ?? 'it',
        status: row.status,
      })),
    );
    await tx.insert(users).values(
      rows.map((row) => ({
        username: row.creditCode,
        displayName: row.contactName,
        role: 'enterprise',
        enterpriseId: row.id,
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      })),
    );
    const history = rows.flatMap((row) => {
      const entries: (typeof workflowHistory.$inferInsert)[] = [
        {
          workflow: enterpriseVerificationWorkflow.name,
          objectId: row.id,
          action: 'register',
          fromStatus: null,
          toStatus: 'pending',
          actorName: row.contactName,
          actorRole: 'enterprise',
        },
      ];
      if (row.status !== 'pending') {
        entries.push({
          workflow: enterpriseVerificationWorkflow.name,
          objectId: row.id,
          action: row.status === 'verified' ? 'verify' : 'return',
          fromStatus: 'pending',
          toStatus: row.status,
          actorId: verifier.id,
          actorName: verifier.displayName,
          actorRole: 'staff',
          comment: row.status === 'returned' ? '成立日期与营业执照不一致，请核对后重新提交' : null,
        });
      }
      return entries;
    });
    await tx.insert(workflowHistory).values(history);
  }
  return {
    enterprises: seeded,
    staff: staffRows.filter((row) => row.role === 'staff'),
    expertUsers: staffRows.filter((row) => row.role === 'expert'),
  };
}
