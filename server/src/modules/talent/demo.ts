import {
  type AQualification,
  type BonusItem,
  computeIdNumberCheckCharacter,
  type HelpKind,
  type TalentInput,
} from '@kechuang/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import type { DemoEnterprise, DemoUser } from '../../core/module';
import type { Transaction } from '../../db/connection';
import {
  planCategories,
  planProjects,
  platformHosts,
  platforms,
  talentChannels,
  talentHelpRecords as talentHelpRecordsTable,
  talentLinks,
  talentProgrammes,
  talentWageBases,
} from '../../db/schema';
import { defaultDemoToday } from '../../demo/demo-today';
import { createRandom } from '../../demo/random';
import { seedDistrictTalentCall } from './demo-call';
import { fireProgrammeAction, insertProgrammeRecord } from './records-service';
import { insertTalent } from './talent-service';

const WAN = 1_000_000;
const FIELDS = ['高端装备', '新一代信息技术', '新材料', '生物医药', '高端化工', '节能环保'];
const COUNTRIES = [
  '德国',
  '美国',
  '日本',
  '韩国',
  '英国',
  '俄罗斯',
  '乌克兰',
  '意大利',
  '加拿大',
  '澳大利亚',
];
const GIVEN = [
  'Anna',
  'Peter',
  'Mark',
  'Olga',
  'Kenji',
  'Min-jun',
  'Luca',
  'Sarah',
  'Ivan',
  'Thomas',
  'Emma',
  'David',
];
const FAMILY = [
  'Schmidt',
  'Johnson',
  'Tanaka',
  'Kim',
  'Rossi',
  'Brown',
  'Petrov',
  'Wagner',
  'Smith',
  'Novak',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马'];
const GIVEN_ZH = [
  '建国',
  '海涛',
  '晓明',
  '志强',
  '丽娟',
  '文博',
  '永刚',
  '思远',
  '静怡',
  '国栋',
  '子豪',
  '雪梅',
];

/** A foreign talent of the 2020 targets: the facts that give A (by points, salary or programme) or B. */
interface ForeignPlan {
  channel: string;
  grade: 'A-points' | 'A-salary' | 'A-programme' | 'B' | 'C';
  arrival: string;
}

/**
 * The seed's fifth section from its targets: 32 foreign high-end (A) and professional (B) talents
 * introduced in 2020 through the overseas liaison stations (10), the foreign-expertise alliance (9),
 * the city's industrial research institute (7) and headhunters (6), one of them selected for 外专双百计划
 * in 2020; a short-term C foreigner who does not count; 3 more foreign talents in 2021 H1; domestic
 * talents at the demo platforms and enterprises, 3 of them 市创新领军人才计划 winners of 2020 and a
 * district leading-talent round (selected, not selected and still nominated); help records.
 */
function planForeign(): ForeignPlan[] {
  const channels = [
    ...Array(10).fill('overseas-station'),
    ...Array(9).fill('foreign-expertise-alliance'),
    ...Array(7).fill('city-research-institute'),
    ...Array(6).fill('headhunter'),
  ] as string[];
  const grades: ForeignPlan['grade'][] = [
    'A-programme',
    'A-salary',
    'A-salary',
    'A-points',
    'A-points',
    'A-points',
  ];
  const plans = channels.map((channel, index) => ({
    channel,
    grade: grades[index] ?? 'B',
    arrival: `2020-${String(1 + (index % 12)).padStart(2, '0')}-${String(3 + (index % 25)).padStart(2, '0')}`,
  }));
  plans.push({ channel: 'self', grade: 'C', arrival: '2020-09-15' });
  for (const [index, arrival] of ['2021-02-22', '2021-04-12', '2021-06-07'].entries())
    plans.push({
      channel: index === 0 ? 'headhunter' : 'overseas-station',
      grade: index === 1 ? 'A-points' : 'B',
      arrival,
    });
  return plans;
}

function foreignFacts(grade: ForeignPlan['grade'], random: ReturnType<typeof createRandom>) {
  const base = {
    annualSalaryFen: random.integer(16, 30) * WAN,
    relevantYears: random.integer(3, 8),
    workMonths: 12,
    chineseLevel: random.integer(0, 2),
    aQualifications: [] as AQualification[],
    bonusItems: [] as BonusItem[],
    skillCertificate: false,
    languageTeacher: false,
    shortTermOrQuota: false,
    localBonus: 0,
    permitNo: null as string | null,
    permitValidUntil: null as string | null,
  };
  if (grade === 'A-salary') return { ...base, annualSalaryFen: random.integer(50, 80) * WAN };
  if (grade === 'A-points')
    return {
      ...base,
      annualSalaryFen: 46 * WAN,
      relevantYears: 15,
      chineseLevel: 5,
      bonusItems: ['patent', 'fortune-500'] as BonusItem[],
    };
  if (grade === 'A-programme') return { ...base, aQualifications: ['programme'] as AQualification[] };
  if (grade === 'C')
    return { ...base, annualSalaryFen: 4 * WAN, relevantYears: 1, workMonths: 2, shortTermOrQuota: true };
  return base;
}

export async function seedTalentDemo(
  tx: Transaction,
  options: { enterprises: DemoEnterprise[]; staff: DemoUser[]; today?: Date },
): Promise<void> {
  const random = createRandom(5_032);
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
  // The district leading-talent programme as a plan category: its calls run on the plan-call pipeline
  // with "平台+项目+人才" applications (the demo's past rounds stay as nominations recorded by staff).
  await tx
    .insert(planCategories)
    .values({
      code: 'district-talent',
      name: '区级领军人才项目',
      fundingMode: 'award',
      level: 'district',
      talentProgrammeCode: 'district-leading',
    })
    .onConflictDoNothing();
  await tx
    .insert(talentWageBases)
    .values([
      {
        city: '济宁市',
        year: 2019,
        averageWageFen: 7_800_000,
        basis: '全口径城镇单位就业人员平均工资（演示数据，以市统计局公布数为准）',
      },
      {
        city: '济宁市',
        year: 2020,
        averageWageFen: 8_200_000,
        basis: '全口径城镇单位就业人员平均工资（演示数据，以市统计局公布数为准）',
      },
    ])
    .onConflictDoNothing();
  const channels = new Map((await tx.select().from(talentChannels)).map((row) => [row.code, row.id]));
  const programmes = new Map((await tx.select().from(talentProgrammes)).map((row) => [row.code, row.id]));
  const verified = options.enterprises
    .filter((enterprise) => enterprise.status === 'verified')
    .map((enterprise) => enterprise.id);
  const platformRows = await tx
    .select({ id: platforms.id, host: platformHosts.enterpriseId })
    .from(platforms)
    .innerJoin(platformHosts, eq(platformHosts.platformId, platforms.id))
    .where(eq(platformHosts.position, 0))
    .orderBy(asc(platforms.id));
  const projects = verified.length
    ? await tx
        .select({ id: planProjects.id, enterpriseId: planProjects.enterpriseId })
        .from(planProjects)
        .where(inArray(planProjects.enterpriseId, verified))
        .orderBy(asc(planProjects.id))
    : [];
  let serial = 0;
  const employerAt = (index: number) =>
    platformRows[index % Math.max(platformRows.length, 1)]?.host ?? verified[index % verified.length];
  const common = (index: number) => ({
    gender: random.chance(0.75) ? ('male' as const) : ('female' as const),
    degree: random.pick(['doctor', 'doctor', 'master'] as const),
    title: null,
    field: random.pick(FIELDS),
    employerEnterpriseId: employerAt(index),
    employerPlatformId: null,
    position: random.pick(['首席科学家', '研发总监', '技术专家', '高级工程师']),
    discovery: random.pick(['企业走访摸排', '人才需求调查', '联络站推荐', '校企合作对接']),
    employmentMode: random.chance(0.7) ? ('fulltime' as const) : ('flexible' as const),
  });

  const foreignIds: number[] = [];
  for (const [index, plan] of planForeign().entries()) {
    serial += 1;
    const facts = foreignFacts(plan.grade, random);
    const input: TalentInput = {
      ...common(index),
      name: `${random.pick(GIVEN)} ${random.pick(FAMILY)}`,
      birthYear: plan.grade === 'A-points' ? 1982 : random.integer(1970, 1990),
      origin: 'foreign',
      nationality: random.pick(COUNTRIES),
      idType: 'passport',
      idNumber: `P${String(20_200_000 + serial * 37).padStart(8, '0')}`,
      contact: `expert${serial}@example.com`,
      arrivalDate: plan.arrival,
      channelId: channels.get(plan.channel) ?? 0,
      degree: plan.grade === 'A-points' ? 'doctor' : 'master',
      foreign: {
        ...facts,
        permitNo:
          plan.grade === 'C'
            ? null
            : `${plan.grade.startsWith('A') ? 'A' : 'B'}3708${String(serial).padStart(6, '0')}`,
        permitValidUntil:
          plan.grade === 'C' ? null : `${Number(plan.arrival.slice(0, 4)) + 2}${plan.arrival.slice(4)}`,
      },
    };
    foreignIds.push(await insertTalent(tx, input, context));
  }

  const domesticIds: number[] = [];
  for (let index = 0; index < 24; index++) {
    serial += 1;
    const birthYear = random.integer(1968, 1992);
    const first17 = `370811${birthYear}0${random.integer(1, 9)}1${random.integer(0, 9)}${String(serial).padStart(3, '0')}`;
    const arrivalYear = index < 18 ? random.integer(2016, 2020) : 2021;
    domesticIds.push(
      await insertTalent(
        tx,
        {
          ...common(index),
          name: `${SURNAMES[index % SURNAMES.length]}${GIVEN_ZH[(index * 5) % GIVEN_ZH.length]}`,
          birthYear,
          origin: 'domestic',
          nationality: '中国',
          idType: 'id-card',
          idNumber: `${first17}${computeIdNumberCheckCharacter(first17)}`,
          contact: `139${String(53_700_000 + serial * 13).padStart(8, '0')}`,
          arrivalDate: `${arrivalYear}-0${random.integer(1, 5)}-${String(random.integer(10, 28))}`,
          channelId: channels.get(index % 3 === 0 ? 'city-research-institute' : 'self') ?? 0,
          title: random.pick(['正高级工程师', '高级工程师', '研究员', '教授']),
          foreign: null,
        },
        context,
      ),
    );
  }

  const actor = context.actor;
  const nominateAndDecide = async (
    talentId: number,
    code: string,
    dates: { year: number; nominatedOn: string; outcome?: { action: 'select' | 'reject'; on: string } },
    index: number,
  ) => {
    const platform = platformRows[index % Math.max(platformRows.length, 1)];
    const project = projects[index % Math.max(projects.length, 1)];
    const id = await insertProgrammeRecord(
      tx,
      talentId,
      {
        programmeId: programmes.get(code) ?? 0,
        year: dates.year,
        nominatedOn: dates.nominatedOn,
        fundingFen: code === 'district-leading' ? 50 * WAN : null,
        platformId: platform?.id ?? null,
        projectId: project?.id ?? null,
        note: null,
      },
      context,
    );
    if (dates.outcome && actor)
      await fireProgrammeAction(tx, actor, {
        id,
        action: dates.outcome.action,
        version: 1,
        comment: undefined,
        context,
        on: dates.outcome.on,
      });
  };
  await nominateAndDecide(
    foreignIds[0],
    'foreign-expert-double-hundred',
    {
      year: 2020,
      nominatedOn: '2020-04-20',
      outcome: { action: 'select', on: '2020-09-28' },
    },
    0,
  );
  for (let index = 0; index < 3; index++)
    await nominateAndDecide(
      domesticIds[index],
      'city-innovation-leading',
      {
        year: 2020,
        nominatedOn: '2020-05-11',
        outcome: { action: 'select', on: '2020-10-16' },
      },
      index,
    );
  const districtOutcomes = [
    { action: 'select', on: '2020-11-30' },
    { action: 'select', on: '2020-11-30' },
    { action: 'reject', on: '2020-11-30' },
  ] as const;
  for (let index = 0; index < 5; index++)
    await nominateAndDecide(
      domesticIds[3 + index],
      'district-leading',
      {
        year: index < 3 ? 2020 : 2021,
        nominatedOn: index < 3 ? '2020-08-03' : '2021-05-17',
        outcome: districtOutcomes[index],
      },
      3 + index,
    );

  for (const [index, talentId] of [...domesticIds.slice(0, 12), ...foreignIds.slice(0, 6)].entries()) {
    const platform = platformRows[index % Math.max(platformRows.length, 1)];
    const project = projects[index % Math.max(projects.length, 1)];
    if (platform || project)
      await tx.insert(talentLinks).values({
        talentId,
        platformId: platform?.id ?? null,
        projectId: index % 2 === 0 ? (project?.id ?? null) : null,
        role: index % 2 === 0 ? '项目负责人' : '平台骨干',
      });
  }
  const helps: [HelpKind, string][] = [
    ['permit', '已协助办理外国人工作许可及居留许可'],
    ['housing', '已安排人才公寓一套'],
    ['schooling', '子女已入读区实验小学'],
    ['spouse', '配偶已在区属事业单位就业'],
    ['funding', '区级人才补贴已兑现'],
  ];
  for (const [index, talentId] of foreignIds.slice(0, 10).entries()) {
    const [kind, outcome] = helps[index % helps.length];
    await tx.insert(talentHelpRecordsTable).values({
      talentId,
      kind,
      helpedOn: `2020-${String(3 + (index % 9)).padStart(2, '0')}-15`,
      handledBy: staff?.displayName ?? '区科技局',
      outcome,
      recordedBy: staff?.id ?? null,
    });
  }
  await seedDistrictTalentCall(tx, { today: options.today ?? defaultDemoToday(), context, staff });
}
