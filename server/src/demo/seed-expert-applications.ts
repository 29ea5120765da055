/** The demo's key R&D applications that the expert review rounds review, with their applicants and PIs. */
import { computeIdNumberCheckCharacter, DISCIPLINES, INDUSTRIES } from '@kechuang/domain';
import { eq, inArray } from 'drizzle-orm';
import { sealPrincipalId } from '../core/principal-id';
import type { Transaction } from '../db/connection';
import { enterprises, planCategories, projectApplications } from '../db/schema';
import type { Random } from './random';
import { GIVEN_NAMES, SURNAMES } from './rencheng';

const DAY = 86_400_000;

/** Where the district's experts work: universities and institutes around 济宁, with real-looking codes left blank. */
export const INSTITUTIONS: { name: string; fields: string[] }[] = [
  { name: '济宁学院', fields: ['it', 'd-computer', 'd-electronics', 'culture-creative', 'd-management'] },
  { name: '曲阜师范大学', fields: ['it', 'd-computer', 'd-chemical', 'd-biology', 'd-management'] },
  { name: '济宁医学院', fields: ['health', 'food-medicine', 'd-clinical', 'd-pharmacy', 'd-biology'] },
  { name: '中国矿业大学', fields: ['high-end-equipment', 'd-mining', 'd-mechanical', 'd-energy'] },
  { name: '山东理工职业学院', fields: ['advanced-manufacturing', 'd-mechanical', 'd-electrical'] },
  { name: '山东科技大学', fields: ['high-end-equipment', 'd-mechanical', 'd-mining', 'd-materials'] },
  { name: '山东大学', fields: ['it', 'new-energy-materials', 'd-materials', 'd-computer', 'd-electrical'] },
  {
    name: '齐鲁工业大学（山东省科学院）',
    fields: ['fine-chemicals', 'd-chemical', 'new-energy-materials', 'd-food'],
  },
  { name: '济宁市农业科学研究院', fields: ['modern-agriculture', 'd-agronomy', 'd-food', 'd-biology'] },
  { name: '山东农业大学', fields: ['modern-agriculture', 'd-agronomy', 'd-food', 'food-medicine'] },
  { name: '济宁市第一人民医院', fields: ['health', 'd-clinical', 'd-pharmacy'] },
  { name: '济宁市产品质量监督检验所', fields: ['tech-services', 'd-chemical', 'd-materials'] },
  { name: '山东正信会计师事务所济宁分所', fields: ['tech-services', 'd-finance', 'd-management'] },
  { name: '济宁市生产力促进中心', fields: ['tech-services', 'd-management', 'd-finance'] },
  { name: '山东省煤炭科学研究院', fields: ['high-end-equipment', 'd-mining', 'd-energy', 'd-environment'] },
];

export interface DemoEnterpriseRef {
  id: number;
  industry: string;
  status: string;
}

export interface SeededApplication {
  id: number;
  enterpriseId: number;
  title: string;
  principal: string;
  members: string[];
  partners: string[];
  industry: string;
  enterpriseName: string;
  creditCode: string;
}

export const PROJECT_WORDS: Record<string, string[]> = {
  it: ['工业互联网平台', '智能视觉检测系统', '数据中台', '边缘计算网关'],
  'fine-chemicals': ['高纯电子化学品', '绿色催化工艺', '水性涂料'],
  'food-medicine': ['中药配方颗粒', '功能性食品', '缓释制剂'],
  'advanced-manufacturing': ['智能产线', '精密减速器', '数控系统'],
  'high-end-equipment': ['矿用智能采掘装备', '液压支架电液控制', '智能巡检机器人'],
  'new-energy-materials': ['锂电正极材料', '光伏封装胶膜', '储能热管理系统'],
  health: ['康复训练机器人', '远程监护设备', '医用敷料'],
  'modern-agriculture': ['大蒜脱毒种苗', '设施农业物联网', '盐碱地改良菌剂'],
  'culture-creative': ['运河文化数字展陈', '非遗数字化平台'],
  'tech-services': ['检验检测云平台', '知识产权运营平台'],
};

export function personName(random: Random): string {
  return (
    random.pick(SURNAMES) + random.pick(GIVEN_NAMES) + (random.chance(0.4) ? random.pick(GIVEN_NAMES) : '')
  );
}

export function pickFields(random: Random, base: readonly string[]): string[] {
  const fields = new Set<string>([random.pick(base)]);
  while (fields.size < 3) {
    fields.add(random.chance(0.7) ? random.pick(base) : random.pick([...INDUSTRIES, ...DISCIPLINES]).code);
  }
  return [...fields];
}

export async function ensureKeyRdCategory(tx: Transaction): Promise<number> {
  const [found] = await tx
    .select({ id: planCategories.id })
    .from(planCategories)
    .where(eq(planCategories.code, 'key-rd'));
  if (found) return found.id;
  const [created] = await tx
    .insert(planCategories)
    .values({ code: 'key-rd', name: '重点研发计划', fundingMode: 'preFunding', level: 'district' })
    .returning({ id: planCategories.id });
  return created.id;
}

export async function seedApplications(
  tx: Transaction,
  random: Random,
  options: {
    callId: number;
    year: number;
    status: string;
    candidates: DemoEnterpriseRef[];
    count: number;
    numberFrom: number;
    /** When the first of them was submitted; the others follow a day apart. */
    submittedFrom: Date;
  },
): Promise<SeededApplication[]> {
  const chosen = options.candidates.splice(0, options.count);
  const rows = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      industry: enterprises.industry,
    })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        chosen.map((enterprise) => enterprise.id),
      ),
    );
  const result: SeededApplication[] = [];
  for (const [index, enterprise] of rows.entries()) {
    const industry = enterprise.industry ?? 'it';
    const title = `${random.pick(PROJECT_WORDS[industry] ?? PROJECT_WORDS.it)}关键技术研发及产业化`;
    const principal = personName(random);
    // Derived from the enterprise, not drawn, so the rest of the seeded draw stays as it was.
    const birth = `${1965 + (enterprise.id % 25)}${String((enterprise.id % 12) + 1).padStart(2, '0')}${String((enterprise.id % 28) + 1).padStart(2, '0')}`;
    const idFirst17 = `370811${birth}${String(enterprise.id % 1000).padStart(3, '0')}`;
    const principalIdNumber = idFirst17 + computeIdNumberCheckCharacter(idFirst17);
    const members = [personName(random), personName(random)];
    const partners = random.chance(0.5) ? [random.pick(INSTITUTIONS).name] : [];
    const content = {
      basics: {
        title,
        industry,
        summary: `${enterprise.name}联合${partners[0] ?? '本单位研发中心'}开展${title}，突破关键工艺，形成自主知识产权。`,
        startOn: `${options.year}-07-01`,
        endOn: `${options.year + 2}-06-30`,
        partners: partners.map((name) => ({ name, creditCode: null })),
      },
      team: [
        {
          name: principal,
          role: 'principal',
          idNumber: principalIdNumber,
          title: '高级工程师',
          organisation: enterprise.name,
          workloadMonths: 8,
          task: '总体负责',
        },
        ...members.map((name) => ({
          name,
          role: 'core',
          idNumber: null,
          title: '工程师',
          organisation: enterprise.name,
          workloadMonths: 6,
          task: '技术研发',
        })),
      ],
      budget: {
        rows: [{ category: 'equipment', fiscalFen: 30_000_000, selfRaisedFen: 60_000_000, otherFen: 0 }],
        totals: { fiscalFen: 30_000_000, selfRaisedFen: 60_000_000, otherFen: 0 },
      },
      milestones: [{ dueOn: `${options.year + 1}-06-30`, description: '完成样机研制与中试' }],
      targets: [{ name: '申请发明专利', kind: 'technical', unit: '件', value: String(random.integer(2, 6)) }],
      attachments: [],
      excludedExperts: [],
    };
    const [row] = await tx
      .insert(projectApplications)
      .values({
        callId: options.callId,
        enterpriseId: enterprise.id,
        year: options.year,
        status: options.status,
        applicationNo: `KJ${options.year}-${String(options.numberFrom + index).padStart(4, '0')}`,
        title,
        principalName: principal,
        ...sealPrincipalId(principalIdNumber),
        content,
        requestedFen: 30_000_000,
        submittedAt: new Date(options.submittedFrom.getTime() + (index % 9) * DAY),
      })
      .returning({ id: projectApplications.id });
    result.push({
      id: row.id,
      enterpriseId: enterprise.id,
      title,
      principal,
      members,
      partners,
      industry,
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
    });
  }
  return result;
}
