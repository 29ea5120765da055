// The demo's plan calls and applications from which its 2019–2021 projects are established.
import { projectApplicationWorkflow } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import { planCalls, planCategories, projectApplications, workflowHistory } from '../db/schema';

export const WAN = 1_000_000;

export const TOPICS = [
  '高端液压元件智能制造关键技术研发',
  '煤矿井下智能巡检机器人研制',
  '生物基可降解材料制备工艺开发',
  '新能源汽车电驱系统轻量化设计',
  '工程机械远程运维平台开发',
  '功能性食品添加剂绿色合成技术',
  '高精度数控轴承磨床研制',
  '工业互联网安全监测系统研发',
  '锂电池正极材料回收利用技术',
  '智慧农业物联网监测终端研制',
  '中药材有效成分提取工艺优化',
  '光伏组件智能清洗机器人研发',
  '精细化工过程安全预警系统',
  '医用高分子耗材研发与产业化',
  '智能仓储物流调度系统开发',
  '大功率LED散热材料研发',
  '氢燃料电池双极板制备技术',
  '纺织印染废水深度处理技术',
  '轨道交通零部件检测装备研制',
  '农机装备北斗导航自动驾驶系统',
];

export function applicationContent(title: string, year: number, requestedFen: number) {
  const equipment = Math.round(requestedFen * 0.45);
  const business = Math.round(requestedFen * 0.35);
  return {
    basics: {
      title,
      industry: null,
      summary: `围绕${title}开展技术攻关，形成自主知识产权并实现产业化。`,
      startOn: `${year}-07-01`,
      endOn: `${year + 2}-06-30`,
      partners: [],
    },
    team: [],
    budget: {
      rows: [
        { category: 'equipment', fiscalFen: equipment, selfRaisedFen: requestedFen, otherFen: 0 },
        { category: 'business', fiscalFen: business, selfRaisedFen: requestedFen, otherFen: 0 },
        {
          category: 'labour',
          fiscalFen: requestedFen - equipment - business,
          selfRaisedFen: Math.round(requestedFen / 2),
          otherFen: 0,
        },
      ],
      totals: null,
    },
    milestones: [
      { dueOn: `${year}-12-31`, description: '完成方案设计与关键技术验证' },
      { dueOn: `${year + 1}-12-31`, description: '完成样机（样品）试制与中试' },
      { dueOn: `${year + 2}-06-30`, description: '完成产业化应用与验收准备' },
    ],
    targets: [
      { name: '申请发明专利', kind: 'technical', unit: '件', value: '3' },
      {
        name: '新增销售收入',
        kind: 'economic',
        unit: '万元',
        value: String(Math.round((requestedFen / WAN) * 15)),
      },
    ],
    attachments: [],
    excludedExperts: [],
  };
}

export async function findOrCreateCategory(tx: Transaction, code: string, name: string, fundingMode: string) {
  const [existing] = await tx
    .select({ id: planCategories.id })
    .from(planCategories)
    .where(eq(planCategories.code, code));
  if (existing) return existing.id;
  const [row] = await tx
    .insert(planCategories)
    .values({ code, name, fundingMode, level: 'district' })
    .returning({ id: planCategories.id });
  return row.id;
}

export async function createCall(
  tx: Transaction,
  categoryId: number,
  year: number,
  title: string,
  budgetWan: number,
) {
  const [call] = await tx
    .insert(planCalls)
    .values({
      categoryId,
      year,
      title,
      status: 'closed',
      guideline: `${title}：支持企业围绕主导产业开展关键核心技术攻关。`,
      opensAt: new Date(`${year}-03-01T09:00:00+08:00`),
      closesAt: new Date(`${year}-04-30T17:00:00+08:00`),
      budgetFen: budgetWan * WAN,
      publicityWorkingDays: 5,
      publishedAt: new Date(`${year}-03-01T09:00:00+08:00`),
    })
    .returning({ id: planCalls.id });
  return call.id;
}

let applicationSequence = 0;
export async function createApplication(
  tx: Transaction,
  options: {
    callId: number;
    year: number;
    enterpriseId: number;
    title: string;
    requestedWan: number;
    approvedWan: number | null;
    status: string;
    rank: number;
  },
) {
  applicationSequence += 1;
  const requestedFen = options.requestedWan * WAN;
  const [row] = await tx
    .insert(projectApplications)
    .values({
      callId: options.callId,
      enterpriseId: options.enterpriseId,
      year: options.year,
      status: options.status,
      applicationNo: `LX${options.year}-${String(applicationSequence).padStart(4, '0')}`,
      title: options.title,
      principalName: ['王建国', '李志强', '张海涛', '刘晓东', '陈明', '杨帆'][options.rank % 6],
      content: applicationContent(options.title, options.year, requestedFen),
      requestedFen,
      approvedFen: options.approvedWan === null ? null : options.approvedWan * WAN,
      submittedAt: new Date(`${options.year}-04-20T10:00:00+08:00`),
      reviewScore: 95 - options.rank * 2,
      reviewRank: options.rank,
    })
    .returning();
  await tx.insert(workflowHistory).values({
    workflow: projectApplicationWorkflow.name,
    objectId: row.id,
    action: 'submit',
    fromStatus: 'draft',
    toStatus: 'submitted',
    actorName: '企业用户',
    actorRole: 'enterprise',
  });
  return row;
}
