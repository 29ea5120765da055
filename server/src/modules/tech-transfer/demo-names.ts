import { buildUscc, statCategoryOf, type TechContractCategory, USCC_CHARSET } from '@kechuang/domain';
import type { Random } from '../../demo/random';

export interface DemoSeller {
  id: number;
  name: string;
  creditCode: string;
  industry: string;
  userId: number;
  contactName: string;
}

export interface DemoBuyer {
  name: string;
  creditCode: string | null;
  regionCode: string;
}

/** What the 登记员 asks to be corrected when returning a filing for 补正. */
export const RETURN_COMMENTS = [
  '合同文本缺少买方签章页，请补充完整盖章的合同文本',
  '技术交易额计算有误：设备采购费未从合同成交额中扣除，请核对非技术性费用',
  '合同类别与合同内容不符（实为技术服务），请更正合同类别',
  '买方统一社会信用代码与营业执照不一致，请核对',
  '付款方式约定不明确，请补充各期付款金额与时间',
];

/** Subjects by the seller's industry; the category decides how the title ends. */
const TOPICS: Record<string, readonly string[]> = {
  it: [
    '工业互联网数据采集平台',
    '智慧园区管理系统',
    '煤矿安全监测物联网终端',
    '边缘计算网关',
    '企业数字化中台',
  ],
  'fine-chemicals': [
    '高效加氢催化剂',
    '医药中间体连续流合成工艺',
    '水性环保涂料',
    '精细化工废水处理',
    '特种表面活性剂',
  ],
  'food-medicine': [
    '功能性益生菌发酵工艺',
    '中药配方颗粒质量标准',
    '小麦深加工',
    '保健食品提取纯化',
    '冷链食品保鲜',
  ],
  'advanced-manufacturing': [
    '液压支架智能控制',
    '精密齿轮传动',
    '工程机械轻量化结构件',
    '数控机床在线检测',
    '焊接机器人工作站',
  ],
  'high-end-equipment': [
    '矿用掘进装备电液控制',
    '大型起重机智能监控',
    '农业机械自动驾驶',
    '风电齿轮箱故障诊断',
    '智能物流分拣装备',
  ],
  'new-energy-materials': ['锂电池正极材料', '光伏组件回收', '高性能复合材料', '氢能储运', '稀土永磁材料'],
  health: ['康复辅助器具', '慢病管理信息平台', '医用敷料', '体外诊断试剂', '中医康养服务'],
  'modern-agriculture': [
    '大蒜脱毒种苗繁育',
    '设施蔬菜水肥一体化',
    '鲁西黄牛良种繁育',
    '农产品质量追溯',
    '生物有机肥',
  ],
  'culture-creative': ['非遗数字化展示', '文旅沉浸式体验', '数字出版平台', '工业设计', '运河文化数字内容'],
  'tech-services': ['科技成果评价', '知识产权运营', '检验检测方法', '研发管理咨询', '技术经纪服务'],
};

const ENDINGS: Record<TechContractCategory, readonly string[]> = {
  DEV_COMMISSIONED: ['技术开发', '关键技术研发', '研制'],
  DEV_COOPERATIVE: ['联合研发', '合作开发'],
  TRANSFER_PATENT: ['专利权转让'],
  TRANSFER_PATENT_APPLICATION: ['专利申请权转让'],
  TRANSFER_TECH_SECRET: ['技术秘密转让'],
  TRANSFER_OTHER: ['技术成果转让'],
  LICENSE_PATENT: ['专利实施许可'],
  LICENSE_TECH_SECRET: ['技术秘密使用许可'],
  LICENSE_OTHER: ['计算机软件著作权许可'],
  CONSULTING: ['可行性论证', '技术咨询', '技术评价报告'],
  SERVICE: ['技术服务', '工艺优化服务', '检测分析服务'],
  SERVICE_TRAINING: ['技术培训'],
  SERVICE_INTERMEDIARY: ['技术中介服务'],
};

export function demoTitle(random: Random, industry: string, category: TechContractCategory): string {
  const topic = random.pick(TOPICS[industry] ?? TOPICS['tech-services']);
  const title = `${topic}${random.pick(ENDINGS[category])}`;
  return statCategoryOf(category) === 'consulting' && random.chance(0.5)
    ? `${topic}项目${random.pick(ENDINGS[category])}`
    : title;
}

/** Buyers in the province but outside the district, with their GB 2260 codes. */
const PROVINCE: readonly (readonly [string, string])[] = [
  ['370812', '济宁市兖州区'],
  ['370883', '邹城市'],
  ['370881', '曲阜市'],
  ['370829', '嘉祥县'],
  ['370102', '济南市'],
  ['370211', '青岛市'],
  ['370303', '淄博市'],
  ['370705', '潍坊市'],
  ['371302', '临沂市'],
];
const DOMESTIC: readonly (readonly [string, string])[] = [
  ['110108', '北京'],
  ['310115', '上海'],
  ['320505', '苏州'],
  ['330106', '杭州'],
  ['440305', '深圳'],
  ['410105', '郑州'],
  ['120116', '天津'],
  ['610113', '西安'],
];
const ABROAD: readonly (readonly [string, string])[] = [
  ['7100', '香港'],
  ['8000', '德国'],
  ['8000', '韩国'],
  ['8000', '新加坡'],
];
const TRADE = [
  '恒瑞',
  '华研',
  '中科',
  '鲁信',
  '泰和',
  '鼎盛',
  '博远',
  '新元',
  '汇智',
  '金桥',
  '宏达',
  '瑞丰',
];
const KIND = [
  '科技有限公司',
  '新材料有限公司',
  '智能装备有限公司',
  '化工股份有限公司',
  '生物科技有限公司',
  '研究院有限公司',
];
const FOREIGN = ['Technology Ltd.', 'GmbH', 'Co., Ltd.', 'Pte. Ltd.'];

function creditCodeIn(random: Random, regionCode: string): string {
  let body = 'MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARSET[random.integer(0, 30)];
  return buildUscc(regionCode, body);
}

export interface DemoBuyerPool {
  draw(random: Random, seller: DemoSeller): DemoBuyer;
}

/**
 * Buyers by region: about a quarter inside the district (other demo enterprises, so 吸纳 has
 * names one knows), two fifths in the province, a third elsewhere, a few abroad.
 */
export function createDemoBuyerPool(district: readonly DemoSeller[], districtCode: string): DemoBuyerPool {
  return {
    draw(random, seller) {
      const roll = random.next();
      if (roll < 0.25) {
        const buyer = random.pick(district.filter((item) => item.id !== seller.id));
        return { name: buyer.name, creditCode: buyer.creditCode, regionCode: districtCode };
      }
      if (roll < 0.95) {
        const [regionCode, place] = random.pick(roll < 0.62 ? PROVINCE : DOMESTIC);
        return {
          name: `${place}${random.pick(TRADE)}${random.pick(KIND)}`,
          creditCode: creditCodeIn(random, regionCode),
          regionCode,
        };
      }
      const [regionCode, place] = random.pick(ABROAD);
      const name =
        place === '香港'
          ? `香港${random.pick(TRADE)}科技有限公司`
          : `${place} ${random.pick(['Rhein', 'Hanil', 'Lion', 'Nord'])} ${random.pick(FOREIGN)}`;
      return { name, creditCode: null, regionCode };
    },
  };
}
