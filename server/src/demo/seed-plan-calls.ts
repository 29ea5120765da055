import {
  type ApplicationContent,
  applicationContentSchema,
  callRulesSchema,
  computeIdNumberCheckCharacter,
  findTransition,
  type ProjectApplicationAction,
  type ProjectApplicationStatus,
  projectApplicationWorkflow,
  requestedFiscalFen,
} from '@kechuang/domain';
import { sealPrincipalId } from '../core/principal-id';
import type { Transaction } from '../db/connection';
import {
  applicationFormalChecks,
  planCalls,
  planCategories,
  projectApplications,
  workflowHistory,
} from '../db/schema';
import { defaultDemoToday, demoDate } from './demo-today';
import { createRandom, type Random } from './random';
import { GIVEN_NAMES, SURNAMES } from './rencheng';

const WAN = 1_000_000;

/** The district's plan categories; the city and province ones are recommended upstream. */
export const DEMO_PLAN_CATEGORIES = [
  { code: 'key-rd', name: '重点研发计划', fundingMode: 'preFunding', level: 'district' },
  { code: 'sme-cultivation', name: '科技型企业培育', fundingMode: 'postSubsidy', level: 'district' },
  { code: 'transfer', name: '成果转化', fundingMode: 'postSubsidy', level: 'district' },
  { code: 'platform', name: '平台建设', fundingMode: 'award', level: 'district' },
  { code: 'city-key-rd', name: '市级重点研发计划', fundingMode: 'preFunding', level: 'city' },
  { code: 'province-major', name: '省重大科技创新工程', fundingMode: 'preFunding', level: 'province' },
  { code: 'city-talent', name: '市领军人才', fundingMode: 'award', level: 'city' },
] as const;
type CategoryCode = (typeof DEMO_PLAN_CATEGORIES)[number]['code'];

/** How many applications of each call end in each state. 2020: the seed's 15 key R&D projects granted upstream (1 provincial major, 14 city key R&D) and 3 leading-talent projects. */
const DEMO_APPLICATIONS: Record<
  number,
  Partial<Record<CategoryCode, Partial<Record<ProjectApplicationStatus, number>>>>
> = {
  2019: {
    'city-key-rd': { grantedUpstream: 11, notGrantedUpstream: 5 },
    'province-major': { notGrantedUpstream: 2 },
    'city-talent': { grantedUpstream: 2, notGrantedUpstream: 1 },
    'key-rd': { rejected: 2, withdrawn: 1 },
  },
  2020: {
    'city-key-rd': { grantedUpstream: 14, notGrantedUpstream: 7, rejected: 1 },
    'province-major': { grantedUpstream: 1, notGrantedUpstream: 2 },
    'city-talent': { grantedUpstream: 3, notGrantedUpstream: 2, withdrawn: 1 },
    'key-rd': { rejected: 3, withdrawn: 2 },
    transfer: { rejected: 1 },
  },
  2021: {
    'city-key-rd': { recommended: 8, checked: 2, rejected: 1 },
    'province-major': { recommended: 2 },
    'city-talent': { recommended: 3, returned: 1 },
    'key-rd': { submitted: 6, returned: 3, checked: 5, rejected: 2, withdrawn: 2, draft: 3 },
    'sme-cultivation': { submitted: 4, checked: 3, draft: 2 },
    platform: { submitted: 2, returned: 1 },
  },
};

/** The lifecycle's path from a draft to each state this module seeds. */
const PATHS: Partial<Record<ProjectApplicationStatus, ProjectApplicationAction[]>> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'returnForCorrection'],
  checked: ['submit', 'passCheck'],
  rejected: ['submit', 'reject'],
  withdrawn: ['submit', 'withdraw'],
  recommended: ['submit', 'passCheck', 'recommend'],
  grantedUpstream: ['submit', 'passCheck', 'recommend', 'recordGranted'],
  notGrantedUpstream: ['submit', 'passCheck', 'recommend', 'recordNotGranted'],
};

const COMMENTS: Partial<Record<ProjectApplicationAction, string>> = {
  returnForCorrection: '附件缺少近一年财务审计报告，请补充后重新提交',
  reject: '申报单位不符合本通知申报条件',
  withdraw: '项目方案调整，主动撤回',
  recommend: '技术路线清晰，具备实施条件，同意推荐',
};

const TOPICS = [
  '高端液压件智能制造关键技术研究',
  '煤矿井下巡检机器人研制',
  '生物基可降解材料产业化',
  '工业互联网设备健康管理平台',
  '新能源汽车电驱系统轻量化设计',
  '高效节能电机控制器开发',
  '智能农机自动导航系统研究',
  '医用敷料抗菌涂层技术开发',
  '纺织印染废水资源化利用',
  '精密轴承数字化检测装备',
  '氢燃料电池双极板制备工艺',
  '5G 工业网关国产化研制',
];

function demoIdNumber(random: Random, sequence: number): string {
  const year = random.integer(1965, 1990);
  const month = String(random.integer(1, 12)).padStart(2, '0');
  const day = String(random.integer(1, 28)).padStart(2, '0');
  const first17 = `370811${year}${month}${day}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + computeIdNumberCheckCharacter(first17);
}

function demoContent(random: Random, year: number, sequence: number, level: string): ApplicationContent {
  const scale = level === 'province' ? 10 : level === 'city' ? 3 : 1;
  const fiscal = [random.integer(10, 40), random.integer(5, 20), random.integer(2, 8)].map(
    (value) => value * scale * WAN,
  );
  const self = fiscal.map((value) => value * random.integer(1, 3));
  const rows = (['equipment', 'business', 'labour'] as const).map((category, index) => ({
    category,
    fiscalFen: fiscal[index],
    selfRaisedFen: self[index],
    otherFen: 0,
  }));
  const name = () => random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
  return applicationContentSchema.parse({
    basics: {
      title: `${random.pick(TOPICS)}（${year}-${sequence}）`,
      summary: '围绕行业共性关键技术开展攻关，建立中试生产线并形成自主知识产权，带动上下游企业协同发展。',
      startOn: `${year}-07-01`,
      endOn: `${year + 2}-06-30`,
    },
    team: [
      {
        name: name(),
        role: 'principal',
        idNumber: demoIdNumber(random, sequence),
        title: '高级工程师',
        workloadMonths: 8,
      },
      { name: name(), role: 'core', title: '工程师', workloadMonths: 6 },
      { name: name(), role: 'member', title: '助理工程师', workloadMonths: 4 },
    ],
    budget: {
      rows,
      totals: {
        fiscalFen: fiscal.reduce((sum, value) => sum + value, 0),
        selfRaisedFen: self.reduce((sum, value) => sum + value, 0),
        otherFen: 0,
      },
    },
    milestones: [
      { dueOn: `${year + 1}-06-30`, description: '完成关键技术攻关与样机试制' },
      { dueOn: `${year + 2}-06-30`, description: '完成中试验证并形成示范应用' },
    ],
    targets: [
      { name: '申请发明专利', kind: 'technical', unit: '件', value: String(random.integer(2, 6)) },
      { name: '新增销售收入', kind: 'economic', unit: '万元', value: String(random.integer(5, 50) * 100) },
    ],
  });
}

/**
 * Plan categories, their calls for 2019–2021 (and one open on the day the demo is loaded), and
 * applications spread over the states of the application lifecycle up to the recommendation tier;
 * the review, approval and established states are seeded with the projects.
 */
export async function seedPlanCallsDemo(
  tx: Transaction,
  options: {
    enterprises: { id: number; status: string }[];
    staff: { id: number; displayName: string }[];
    /** The day the demo is loaded: the open call accepts applications around it. */
    today?: Date;
  },
): Promise<void> {
  const today = options.today ?? defaultDemoToday();
  const random = createRandom(2020_15);
  const verified = options.enterprises.filter((enterprise) => enterprise.status === 'verified');
  const checker = options.staff[0];
  const categoryRows = await tx
    .insert(planCategories)
    .values([...DEMO_PLAN_CATEGORIES])
    .returning();
  const categoryByCode = new Map(categoryRows.map((row) => [row.code, row]));
  const numbers = new Map<number, number>();
  let sequence = 0;
  let enterpriseCursor = 0;

  const years = [2019, 2020, 2021] as const;
  for (const year of years) {
    for (const category of DEMO_PLAN_CATEGORIES) {
      const categoryRow = categoryByCode.get(category.code)!;
      const isUpstream = category.level !== 'district';
      const [call] = await tx
        .insert(planCalls)
        .values({
          categoryId: categoryRow.id,
          year,
          title: `${year} 年度${category.level === 'district' ? '区' : ''}${category.name}项目申报通知`,
          status: year === 2021 ? 'published' : 'closed',
          guideline: `一、支持方向：围绕本区主导产业开展${category.name}。\n二、申报条件：申报单位须在本区注册，具有独立法人资格。\n三、申报材料：申报书、营业执照、近一年财务审计报告。`,
          opensAt: new Date(`${year}-03-01T08:00:00+08:00`),
          closesAt: new Date(`${year}-04-30T17:00:00+08:00`),
          districtReviewDeadline: isUpstream ? new Date(`${year}-05-10T17:00:00+08:00`) : null,
          budgetFen: category.level === 'district' ? 2_000 * WAN : null,
          allowResubmission: true,
          rules: callRulesSchema.parse({
            requiredStandings: category.code === 'sme-cultivation' ? ['techSme'] : [],
            maxRequestFen:
              category.level === 'province' ? 1_000 * WAN : category.level === 'city' ? 300 * WAN : 100 * WAN,
          }),
          checklist: ['申报单位资格', '申报书内容完整', '经费预算合理', '附件齐全'],
          publishedAt: new Date(`${year}-02-25T09:00:00+08:00`),
        })
        .returning();
      const plan = DEMO_APPLICATIONS[year]?.[category.code] ?? {};
      for (const [state, countOfState] of Object.entries(plan) as [ProjectApplicationStatus, number][]) {
        for (let index = 0; index < countOfState; index++) {
          sequence += 1;
          const enterprise = verified[enterpriseCursor++ % verified.length];
          const content = demoContent(random, year, sequence, category.level);
          const path = PATHS[state] ?? [];
          const isSubmitted = path.includes('submit');
          let applicationNo: string | null = null;
          if (isSubmitted) {
            const next = (numbers.get(year) ?? 0) + 1;
            numbers.set(year, next);
            applicationNo = `KJ${year}-${String(next).padStart(4, '0')}`;
          }
          const principal = content.team[0];
          const submittedAt = new Date(
            `${year}-04-${String(random.integer(10, 29)).padStart(2, '0')}T10:00:00+08:00`,
          );
          const requested = requestedFiscalFen(content);
          const [application] = await tx
            .insert(projectApplications)
            .values({
              callId: call.id,
              enterpriseId: enterprise.id,
              year,
              status: state,
              applicationNo,
              title: content.basics.title,
              principalName: principal.name,
              ...sealPrincipalId(principal.idNumber),
              content,
              requestedFen: requested,
              submittedAt: isSubmitted ? submittedAt : null,
              upstreamGrantedFen:
                state === 'grantedUpstream' ? Math.round((requested * random.integer(6, 10)) / 10) : null,
              decisionNote: COMMENTS[path[path.length - 1]] ?? null,
              version: 1 + path.length * 2,
            })
            .returning({ id: projectApplications.id });
          let from: ProjectApplicationStatus = 'draft';
          const history: (typeof workflowHistory.$inferInsert)[] = [
            {
              workflow: projectApplicationWorkflow.name,
              objectId: application.id,
              action: 'create',
              fromStatus: null,
              toStatus: 'draft',
              actorName: '企业联系人',
              actorRole: 'enterprise',
              createdAt: new Date(submittedAt.getTime() - 10 * 86400_000),
            },
          ];
          path.forEach((action, step) => {
            const transition = findTransition(projectApplicationWorkflow, action)!;
            const isEnterprise = transition.roles.includes('enterprise');
            history.push({
              workflow: projectApplicationWorkflow.name,
              objectId: application.id,
              action,
              fromStatus: from,
              toStatus: transition.to,
              actorId: isEnterprise ? null : checker.id,
              actorName: isEnterprise ? '企业联系人' : checker.displayName,
              actorRole: isEnterprise ? 'enterprise' : 'staff',
              comment: COMMENTS[action] ?? null,
              createdAt: new Date(submittedAt.getTime() + step * 7 * 86400_000),
            });
            from = transition.to;
          });
          await tx.insert(workflowHistory).values(history);
          const checkAction = path.find((action) =>
            ['returnForCorrection', 'passCheck', 'reject'].includes(action),
          );
          if (checkAction) {
            await tx.insert(applicationFormalChecks).values({
              applicationId: application.id,
              action: checkAction,
              results: ['申报单位资格', '申报书内容完整', '经费预算合理', '附件齐全'].map(
                (item, itemIndex) => ({
                  item,
                  passed: checkAction === 'passCheck' || itemIndex !== (checkAction === 'reject' ? 0 : 3),
                  note: '',
                }),
              ),
              comment: COMMENTS[checkAction] ?? null,
              checkedBy: checker.id,
              checkedByName: checker.displayName,
              createdAt: new Date(submittedAt.getTime() + 7 * 86400_000),
            });
          }
        }
      }
    }
  }

  // One call open on the day the demo is loaded, so the demo's enterprises can apply.
  const keyRd = categoryByCode.get('key-rd')!;
  const now = today.getTime();
  const thisYear = Number(demoDate(today).slice(0, 4));
  await tx.insert(planCalls).values({
    categoryId: keyRd.id,
    year: thisYear,
    title: `${thisYear} 年度区重点研发计划项目申报通知`,
    status: 'published',
    guideline:
      '一、支持方向：高端装备、新材料、生物医药、新一代信息技术。\n二、每个企业限报一项，单项申请财政资金不超过 100 万元。',
    opensAt: new Date(now - 7 * 86400_000),
    closesAt: new Date(now + 60 * 86400_000),
    districtReviewDeadline: new Date(now + 75 * 86400_000),
    budgetFen: 3_000 * WAN,
    rules: callRulesSchema.parse({ maxRequestFen: 100 * WAN }),
    checklist: ['申报单位资格', '申报书内容完整', '经费预算合理', '附件齐全'],
    publishedAt: new Date(now - 8 * 86400_000),
  });
}
