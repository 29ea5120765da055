/**
 * What the demo district's 产学研对接 holds: the institutes that visit, the results they bring and
 * the needs the district's enterprises post, in the district's four lead industries.
 */

export const DEMO_INSTITUTIONS = [
  { name: '山东省科学院', kind: 'institute', regionCode: '370102', creditCode: null },
  { name: '山东省农业科学院', kind: 'institute', regionCode: '370105', creditCode: null },
  { name: '济宁市产业技术研究院', kind: 'new-rd', regionCode: '370811', creditCode: null },
  { name: '曲阜师范大学', kind: 'university', regionCode: '370881', creditCode: null },
  { name: '济宁医学院', kind: 'university', regionCode: '370811', creditCode: null },
  { name: '山东理工大学', kind: 'university', regionCode: '370303', creditCode: null },
] as const;

export interface DemoResult {
  institution: (typeof DEMO_INSTITUTIONS)[number]['name'];
  title: string;
  field: string;
  industry: string;
  description: string;
  keywords: string[];
  trl: number;
  ipKind: string;
  modes: string[];
  priceWan: [number, number] | null;
}

export const DEMO_RESULTS: DemoResult[] = [
  {
    institution: '山东省科学院',
    title: '高活性镍基加氢催化剂及连续化制备技术',
    field: 'new-materials',
    industry: 'fine-chemicals',
    description:
      '高活性、长寿命镍基加氢催化剂，寿命较进口产品提高一倍，完成千吨级中试，适用于精细化工加氢还原工艺。',
    keywords: ['催化剂', '加氢', '镍基'],
    trl: 7,
    ipKind: 'invention-patent',
    modes: ['transfer', 'license'],
    priceWan: [80, 150],
  },
  {
    institution: '山东省科学院',
    title: '精细化工反应过程安全在线监测预警系统',
    field: 'electronic-information',
    industry: 'fine-chemicals',
    description: '对反应釜温度、压力、液位多参数在线监测，基于机理模型的失控预警，已在园区企业试用。',
    keywords: ['安全预警', '在线监测', '反应釜'],
    trl: 6,
    ipKind: 'software-copyright',
    modes: ['license', 'cooperation'],
    priceWan: [30, 60],
  },
  {
    institution: '山东省科学院',
    title: '激光熔覆再制造修复技术',
    field: 'advanced-manufacturing',
    industry: 'advanced-manufacturing',
    description: '采用高功率半导体激光熔覆修复液压支架立柱、轴类零件，耐磨耐蚀性能优于电镀层。',
    keywords: ['激光熔覆', '再制造', '液压支架'],
    trl: 8,
    ipKind: 'invention-patent',
    modes: ['transfer', 'equity'],
    priceWan: [100, 300],
  },
  {
    institution: '山东省农业科学院',
    title: '果蔬气调保鲜与冷链包装技术',
    field: 'new-materials',
    industry: 'food-medicine',
    description: '可降解气调保鲜包装膜，延长果蔬货架期一倍以上，配套冷链物流温控方案。',
    keywords: ['保鲜', '冷链', '包装'],
    trl: 7,
    ipKind: 'invention-patent',
    modes: ['license'],
    priceWan: [20, 50],
  },
  {
    institution: '山东省农业科学院',
    title: '大蒜功能成分提取与深加工技术',
    field: 'biomedicine',
    industry: 'food-medicine',
    description: '大蒜素、黑蒜多糖的低温提取与稳定化工艺，产品可用于保健食品和饲料添加剂。',
    keywords: ['大蒜', '提取', '深加工'],
    trl: 6,
    ipKind: 'invention-patent',
    modes: ['transfer', 'cooperation'],
    priceWan: [40, 80],
  },
  {
    institution: '山东省农业科学院',
    title: '小麦玉米秸秆生物发酵饲料技术',
    field: 'resources-environment',
    industry: 'modern-agriculture',
    description: '秸秆复合菌剂发酵，粗蛋白含量提高，适合规模化养殖场就地转化。',
    keywords: ['秸秆', '发酵', '饲料'],
    trl: 8,
    ipKind: 'know-how',
    modes: ['license'],
    priceWan: null,
  },
  {
    institution: '济宁市产业技术研究院',
    title: '工业互联网设备数据采集与边缘计算网关',
    field: 'electronic-information',
    industry: 'it',
    description: '支持多种工业协议的设备联网、数据采集与边缘计算网关，已在工程机械、纺织企业应用。',
    keywords: ['工业互联网', '数据采集', '边缘计算'],
    trl: 8,
    ipKind: 'software-copyright',
    modes: ['license', 'cooperation'],
    priceWan: [20, 40],
  },
  {
    institution: '济宁市产业技术研究院',
    title: '基于机器视觉的零部件表面缺陷检测',
    field: 'electronic-information',
    industry: 'advanced-manufacturing',
    description: '深度学习的表面缺陷检测系统，检出率99%以上，可集成到产线质检工位。',
    keywords: ['机器视觉', '缺陷检测', '深度学习'],
    trl: 7,
    ipKind: 'invention-patent',
    modes: ['license', 'cooperation'],
    priceWan: [30, 80],
  },
  {
    institution: '曲阜师范大学',
    title: '锂电池正极材料前驱体绿色合成工艺',
    field: 'new-energy',
    industry: 'new-energy-materials',
    description: '共沉淀法合成三元前驱体，废水循环利用，产品振实密度高。',
    keywords: ['锂电池', '正极材料', '前驱体'],
    trl: 5,
    ipKind: 'invention-patent',
    modes: ['transfer', 'equity'],
    priceWan: [200, 500],
  },
  {
    institution: '曲阜师范大学',
    title: '有机硅改性防腐涂料',
    field: 'new-materials',
    industry: 'fine-chemicals',
    description: '有机硅改性环氧防腐涂料，耐盐雾2000小时，适用于化工设备和钢结构防腐。',
    keywords: ['防腐涂料', '有机硅'],
    trl: 6,
    ipKind: 'invention-patent',
    modes: ['transfer', 'license'],
    priceWan: [50, 100],
  },
  {
    institution: '济宁医学院',
    title: '中药配方颗粒质量控制与指纹图谱技术',
    field: 'biomedicine',
    industry: 'food-medicine',
    description: '建立中药配方颗粒特征指纹图谱和多指标含量测定方法，满足国家标准要求。',
    keywords: ['中药', '配方颗粒', '指纹图谱'],
    trl: 7,
    ipKind: 'know-how',
    modes: ['cooperation'],
    priceWan: [30, 60],
  },
  {
    institution: '山东理工大学',
    title: '煤矿液压支架电液控制系统',
    field: 'advanced-manufacturing',
    industry: 'high-end-equipment',
    description: '液压支架电液控制系统，实现自动跟机移架，可与综采工作面集控系统对接。',
    keywords: ['液压支架', '电液控制', '综采'],
    trl: 8,
    ipKind: 'invention-patent',
    modes: ['transfer', 'license', 'cooperation'],
    priceWan: [150, 400],
  },
];

export interface DemoNeed {
  industry: string;
  title: string;
  field: string;
  problem: string;
  keywords: string[];
  budgetWan: number | null;
  visibility: 'public' | 'matched';
}

export const DEMO_NEEDS: DemoNeed[] = [
  {
    industry: 'fine-chemicals',
    title: '加氢催化剂国产化替代',
    field: 'new-materials',
    problem: '现有加氢工序依赖进口催化剂，价格高、供货周期长，需要寿命不低于8000小时的国产加氢催化剂。',
    keywords: ['催化剂', '加氢'],
    budgetWan: 120,
    visibility: 'public',
  },
  {
    industry: 'fine-chemicals',
    title: '硝化反应釜安全预警改造',
    field: 'electronic-information',
    problem: '园区要求重点监管工艺实现在线监测和自动预警，需要反应釜温度压力的实时监测预警系统。',
    keywords: ['安全预警', '反应釜', '在线监测'],
    budgetWan: 60,
    visibility: 'public',
  },
  {
    industry: 'fine-chemicals',
    title: '储罐区设备防腐涂层升级',
    field: 'new-materials',
    problem: '酸性介质储罐腐蚀严重，需要耐盐雾1500小时以上的防腐涂料和施工工艺。',
    keywords: ['防腐涂料', '储罐'],
    budgetWan: 40,
    visibility: 'matched',
  },
  {
    industry: 'food-medicine',
    title: '黑蒜产品深加工工艺开发',
    field: 'biomedicine',
    problem: '企业年加工大蒜5000吨，需要开发黑蒜多糖提取和深加工产品，提高附加值。',
    keywords: ['大蒜', '深加工', '提取'],
    budgetWan: 80,
    visibility: 'public',
  },
  {
    industry: 'food-medicine',
    title: '鲜切果蔬保鲜期延长',
    field: 'new-materials',
    problem: '鲜切果蔬冷链配送货架期仅3天，需要保鲜包装和冷链温控方案延长至7天。',
    keywords: ['保鲜', '冷链'],
    budgetWan: 30,
    visibility: 'public',
  },
  {
    industry: 'food-medicine',
    title: '中药配方颗粒质量标准提升',
    field: 'biomedicine',
    problem: '配方颗粒国家标准实施后需建立指纹图谱和含量测定方法，需要高校联合攻关。',
    keywords: ['配方颗粒', '指纹图谱', '中药'],
    budgetWan: 50,
    visibility: 'matched',
  },
  {
    industry: 'it',
    title: '车间设备联网与数据采集平台',
    field: 'electronic-information',
    problem: '车间有200台不同品牌设备，需要统一的数据采集和边缘计算方案支撑设备管理。',
    keywords: ['数据采集', '工业互联网', '设备联网'],
    budgetWan: 50,
    visibility: 'public',
  },
  {
    industry: 'it',
    title: '产品外观缺陷自动检测',
    field: 'electronic-information',
    problem: '人工目检效率低、漏检率高，需要机器视觉缺陷检测设备替代人工质检。',
    keywords: ['机器视觉', '缺陷检测'],
    budgetWan: 70,
    visibility: 'public',
  },
  {
    industry: 'advanced-manufacturing',
    title: '液压支架立柱修复工艺',
    field: 'advanced-manufacturing',
    problem: '液压支架立柱电镀层易腐蚀脱落，需要激光熔覆等再制造修复工艺替代电镀。',
    keywords: ['液压支架', '再制造', '激光熔覆'],
    budgetWan: 200,
    visibility: 'public',
  },
  {
    industry: 'advanced-manufacturing',
    title: '综采工作面自动跟机控制',
    field: 'advanced-manufacturing',
    problem: '需要液压支架电液控制与自动跟机移架技术，减少工作面作业人员。',
    keywords: ['电液控制', '综采', '液压支架'],
    budgetWan: 300,
    visibility: 'public',
  },
];

export const DEMO_EVENTS = [
  {
    title: '山东省科学院—任城区精细化工产学研精准对接会',
    kind: 'session',
    daysFromToday: -120,
    venue: '任城区科技创新服务中心报告厅',
    organiser: '任城区科学技术局、山东省科学院',
    capacity: 40,
    guests: [
      { kind: 'institution', name: '山东省科学院', country: null },
      { kind: 'foreign-team', name: '德国弗劳恩霍夫化工技术研究所合作团队', country: '德国' },
    ],
    industries: ['fine-chemicals', 'advanced-manufacturing'],
  },
  {
    title: '山东省农业科学院食品医药成果路演',
    kind: 'roadshow',
    daysFromToday: -45,
    venue: '济宁高新区食品产业园',
    organiser: '任城区科学技术局、山东省农业科学院',
    capacity: 30,
    guests: [
      { kind: 'institution', name: '山东省农业科学院', country: null },
      { kind: 'foreign-expert', name: 'David Cohen（以色列农业保鲜专家）', country: '以色列' },
    ],
    industries: ['food-medicine'],
  },
  {
    title: '济宁市产业技术研究院新一代信息技术与高端制造对接活动',
    kind: 'session',
    daysFromToday: 20,
    venue: '济宁市产业技术研究院',
    organiser: '任城区科学技术局、济宁市产业技术研究院',
    capacity: 25,
    guests: [
      { kind: 'institution', name: '济宁市产业技术研究院', country: null },
      { kind: 'institution', name: '山东理工大学', country: null },
    ],
    industries: ['it', 'advanced-manufacturing'],
  },
] as const;
