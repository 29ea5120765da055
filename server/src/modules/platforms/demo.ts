import type { PlatformInput, PlatformLevel, PlatformStatusAction } from '@kechuang/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import type { DemoEnterprise, DemoUser } from '../../core/module';
import type { Transaction } from '../../db/connection';
import { enterprises, platforms, platformTypes } from '../../db/schema';
import { createRandom } from '../../demo/random';
import { seedApplicationsDemo } from './demo-applications';
import { seedCooperationsDemo } from './demo-cooperations';
import { seedEvaluationsDemo } from './demo-evaluations';
import { applyStatusAction, applyUpgrade } from './lifecycle-service';
import { insertPlatform } from './platforms-service';

interface PlatformPlan {
  typeCode: string;
  level: PlatformLevel;
  recognizedOn: string;
  upgrades?: { level: PlatformLevel; on: string }[];
  status?: { action: PlatformStatusAction; on: string; reason: string };
}

const BODIES: Record<PlatformLevel, { body: string; prefix: string }> = {
  national: { body: '科学技术部', prefix: '国科火字' },
  provincial: { body: '山东省科学技术厅', prefix: '鲁科字' },
  city: { body: '济宁市科学技术局', prefix: '济科字' },
  district: { body: '任城区科学技术局', prefix: '任科字' },
};
const FIELDS = ['高端装备', '新一代信息技术', '新材料', '生物医药', '现代高效农业', '节能环保', '高端化工'];

/**
 * The platforms of the seed's fourth section, from its targets: at the end of 2020, 81 at city
 * level or above (2 national, 16 provincial, 63 city) and 9 district ones; recognised in 2020 国家级
 * 众创空间 1, 省级众创空间 1, 省级新型研发机构 1, 市创新创业共同体 3, 市重点实验室 1, 市技术创新中心 3,
 * 市级人才飞地 1; three city platforms upgraded to provincial (one in 2019, two in 2020) and one
 * provincial to national in 2021; one city 众创空间 revoked in 2020 and one warned in 2021; in 2021
 * 2 省级院士工作站 and 2 省级科技成果转化中试基地.
 */
function planPlatforms(): PlatformPlan[] {
  const random = createRandom(20_201_231);
  const dayIn = (year: number) =>
    `${year}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
  const plans: PlatformPlan[] = [
    { typeCode: 'makerspace', level: 'national', recognizedOn: '2020-12-10' },
    { typeCode: 'makerspace', level: 'provincial', recognizedOn: '2020-08-26' },
    { typeCode: 'new-rd-institute', level: 'provincial', recognizedOn: '2020-05-18' },
    ...['2020-03-27', '2020-03-27', '2020-09-14'].map((on) => ({
      typeCode: 'innovation-community',
      level: 'city' as const,
      recognizedOn: on,
    })),
    { typeCode: 'key-lab', level: 'city', recognizedOn: '2020-11-05' },
    ...['2020-06-30', '2020-06-30', '2020-12-18'].map((on) => ({
      typeCode: 'tech-innovation-center',
      level: 'city' as const,
      recognizedOn: on,
    })),
    { typeCode: 'talent-enclave', level: 'city', recognizedOn: '2020-10-22' },
    { typeCode: 'incubator', level: 'national', recognizedOn: '2017-12-12' },
    { typeCode: 'academician-station', level: 'provincial', recognizedOn: '2021-03-18' },
    { typeCode: 'academician-station', level: 'provincial', recognizedOn: '2021-05-20' },
    { typeCode: 'pilot-base', level: 'provincial', recognizedOn: '2021-04-12' },
    { typeCode: 'pilot-base', level: 'provincial', recognizedOn: '2021-06-08' },
    {
      typeCode: 'key-lab',
      level: 'city',
      recognizedOn: '2014-09-03',
      upgrades: [{ level: 'provincial', on: '2019-06-21' }],
    },
    {
      typeCode: 'engineering-center',
      level: 'city',
      recognizedOn: '2015-05-12',
      upgrades: [{ level: 'provincial', on: '2020-07-15' }],
    },
    {
      typeCode: 'tech-innovation-center',
      level: 'city',
      recognizedOn: '2016-10-09',
      upgrades: [{ level: 'provincial', on: '2020-11-20' }],
    },
    {
      typeCode: 'makerspace',
      level: 'city',
      recognizedOn: '2016-04-08',
      status: { action: 'revoke', on: '2020-10-15', reason: '连续两年绩效评价不合格，撤销市级众创空间资格' },
    },
  ];
  const provincialTypes = [
    'key-lab',
    'tech-innovation-center',
    'engineering-center',
    'incubator',
    'makerspace',
  ];
  for (let index = 0; index < 11; index++) {
    plans.push({
      typeCode: provincialTypes[index % provincialTypes.length],
      level: 'provincial',
      recognizedOn: dayIn(2013 + (index % 7)),
      ...(index === 0 ? { upgrades: [{ level: 'national' as const, on: '2021-09-28' }] } : {}),
    });
  }
  const cityTypes = [
    'key-lab',
    'engineering-center',
    'tech-innovation-center',
    'makerspace',
    'incubator',
    'new-rd-institute',
    'academician-station',
    'pilot-base',
    'talent-enclave',
    'innovation-community',
  ];
  for (let index = 0; index < 55; index++) {
    plans.push({
      typeCode: cityTypes[index % cityTypes.length],
      level: 'city',
      recognizedOn: dayIn(2012 + (index % 8)),
      ...(index === 7
        ? {
            status: { action: 'warn' as const, on: '2021-04-30', reason: '2020年度绩效评价不合格，给予警告' },
          }
        : {}),
    });
  }
  const districtTypes = ['makerspace', 'incubator', 'talent-enclave'];
  for (let index = 0; index < 9; index++) {
    plans.push({
      typeCode: districtTypes[index % districtTypes.length],
      level: 'district',
      recognizedOn: dayIn(2014 + (index % 6)),
    });
  }
  return plans;
}

function documentNo(level: PlatformLevel, on: string, serial: number): string {
  return `${BODIES[level].prefix}〔${on.slice(0, 4)}〕${serial}号`;
}

export async function seedPlatformsDemo(
  tx: Transaction,
  options: { enterprises: DemoEnterprise[]; staff: DemoUser[]; today: string },
): Promise<void> {
  const random = createRandom(8_110);
  const staff = options.staff[0];
  const context: RequestContext = {
    actor: staff
      ? {
          userId: staff.id,
          username: staff.username,
          displayName: staff.displayName,
          role: 'staff',
          enterpriseId: null,
        }
      : null,
    ip: null,
    requestId: null,
    language: 'zh-CN',
  };
  const types = new Map((await tx.select().from(platformTypes)).map((type) => [type.code, type]));
  const verifiedIds = options.enterprises
    .filter((enterprise) => enterprise.status === 'verified')
    .map((enterprise) => enterprise.id);
  const hosts = await tx
    .select({ id: enterprises.id, name: enterprises.name, street: enterprises.street })
    .from(enterprises)
    .where(inArray(enterprises.id, verifiedIds))
    .orderBy(asc(enterprises.id));
  let nextHost = 0;
  const takeHost = () => hosts[nextHost++ % hosts.length];
  let serial = 10;
  for (const plan of planPlatforms()) {
    const type = types.get(plan.typeCode);
    if (!type) throw new Error(`platform type ${plan.typeCode} is not seeded`);
    const planHosts =
      plan.typeCode === 'innovation-community' ? [takeHost(), takeHost(), takeHost()] : [takeHost()];
    const lead = planHosts[0];
    const input: PlatformInput = {
      name: `${lead.name.replace(/(股份)?有限(责任)?公司$/, '')}${plan.typeCode === 'talent-enclave' ? '（上海）' : ''}${type.name}`,
      typeId: type.id,
      level: plan.level,
      approvingBody: BODIES[plan.level].body,
      documentNo: documentNo(plan.level, plan.recognizedOn, serial++),
      recognizedOn: plan.recognizedOn,
      hostEnterpriseIds: planHosts.map((host) => host.id),
      field: random.pick(FIELDS),
      street: lead.street,
      areaSquareMeters: random.integer(3, 120) * 100,
      staffCount: random.integer(8, 160),
      equipmentFen: random.integer(20, 3000) * 1_000_000,
      contactName: '张主任',
      contactPhone: `0537-${random.integer(2_100_000, 2_999_999)}`,
    };
    const id = await insertPlatform(tx, input, context);
    for (const upgrade of plan.upgrades ?? []) {
      const [row] = await tx.select().from(platforms).where(eq(platforms.id, id));
      await applyUpgrade(
        tx,
        row,
        {
          level: upgrade.level,
          approvingBody: BODIES[upgrade.level].body,
          documentNo: documentNo(upgrade.level, upgrade.on, serial++),
          recognizedOn: upgrade.on,
          version: row.version,
        },
        context,
      );
    }
    if (plan.status) {
      const [row] = await tx.select().from(platforms).where(eq(platforms.id, id));
      await applyStatusAction(
        tx,
        row,
        plan.status.action,
        { version: row.version, comment: plan.status.reason, effectiveOn: plan.status.on },
        context,
      );
    }
  }
  await seedApplicationsDemo(tx, {
    staffContext: context,
    today: options.today,
    spareHosts: hosts.slice(-7).map((host) => host.id),
  });
  await seedEvaluationsDemo(tx, context);
  await seedCooperationsDemo(tx, { context, partners: hosts.slice(0, 12) });
}
