import type { PolicyCondition, PolicyInput, PolicyItemInput } from '@kechuang/domain';

const data = (
  field: string,
  operator: PolicyCondition['operator'],
  value: PolicyCondition['value'],
  required = true,
): PolicyCondition => ({ field, operator, value, required, evidence: 'data', document: null });
const paper = (document: string): PolicyCondition => ({
  field: 'enterprise.verified',
  operator: 'eq',
  value: true,
  required: true,
  evidence: 'applicant',
  document,
});
const WAN = 1_000_000;
const DISTRICT_DEPT = '任城区科学技术局';
const DISTRICT_PHONE = '0537-2968036';

const item = (
  fields: Partial<PolicyItemInput> &
    Pick<PolicyItemInput, 'title' | 'type' | 'beneficiaries' | 'conditions' | 'amount' | 'fulfilMode'>,
): PolicyItemInput => ({
  fulfilDays: null,
  windowFrom: null,
  windowTo: null,
  department: DISTRICT_DEPT,
  contact: DISTRICT_PHONE,
  ...fields,
});

const body = (...paragraphs: string[]) => paragraphs.join('\n');

/** A district's library: national, provincial, city and district S&T policies, each broken into items. */
export const DEMO_POLICIES: (Omit<PolicyInput, 'supersedesId'> & {
  supersedesDocumentNo?: string;
  repealedBy?: string;
})[] = [
  {
    title: '关于提高研究开发费用税前加计扣除比例的通知',
    level: 'national',
    theme: 'rd',
    indexNo: null,
    documentNo: '财税〔2018〕99号',
    issuer: '财政部 税务总局 科技部',
    writtenOn: '2018-09-20',
    publishedOn: '2018-09-21',
    effectiveFrom: '2018-01-01',
    effectiveTo: '2023-12-31',
    fullText: body(
      '为进一步激励企业加大研发投入，支持科技创新，现就提高企业研究开发费用（以下简称研发费用）税前加计扣除比例有关问题通知如下：',
      '一、企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，在2018年1月1日至2020年12月31日期间，再按照实际发生额的75%在税前加计扣除；形成无形资产的，在上述期间按照无形资产成本的175%在税前摊销。',
      '二、企业享受研发费用税前加计扣除政策的其他政策口径和管理要求按照《财政部 国家税务总局 科技部关于完善研究开发费用税前加计扣除政策的通知》（财税〔2015〕119号）等文件规定执行。',
    ),
    interpretation:
      '研发费用加计扣除由企业在年度汇算清缴时自行申报享受，留存备查资料；科技型中小企业另有提高比例的规定。',
    attachments: [],
    items: [
      item({
        title: '研发费用税前加计扣除',
        type: 'relief',
        beneficiaries: '会计核算健全、实行查账征收并能够准确归集研发费用的居民企业',
        conditions: [data('figures.rdExpense', 'gt', 0), paper('研发项目立项决议及研发费用辅助账')],
        amount: { kind: 'none' },
        fulfilMode: 'statutory',
        department: '国家税务总局济宁市任城区税务局',
        contact: '12366',
      }),
    ],
  },
  {
    title: '科技部 财政部 国家税务总局关于印发《科技型中小企业评价办法》的通知',
    level: 'national',
    theme: 'cultivation',
    indexNo: null,
    documentNo: '国科发政〔2017〕115号',
    issuer: '科技部 财政部 国家税务总局',
    writtenOn: '2017-05-03',
    publishedOn: '2017-05-10',
    effectiveFrom: '2017-05-03',
    effectiveTo: null,
    fullText: body(
      '第一条 为推动大众创业、万众创新，加快实施创新驱动发展战略，根据《中华人民共和国中小企业促进法》等有关规定，制定本办法。',
      '第六条 科技型中小企业须同时满足以下条件：（一）在中国境内（不包括港、澳、台地区）注册的居民企业；（二）职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元；（三）企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类；（四）企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且企业未列入经营异常名录和严重违法失信企业名单；（五）企业根据科技型中小企业评价指标进行综合评价所得分值不低于60分，且科技人员指标得分不得为0分。',
      '第七条 科技型中小企业评价指标具体包括科技人员、研发投入、科技成果三类，满分100分。',
    ),
    interpretation:
      '企业自主评价、省级科技管理部门组织实施、科技部服务引导；评价入库后可享受研发费用加计扣除比例提高等政策。',
    attachments: [
      {
        name: '科技型中小企业评价指标',
        url: 'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/gfxwj2017/201705/t20170510_132709.html',
      },
    ],
    items: [
      item({
        title: '科技型中小企业评价入库',
        type: 'qualification',
        beneficiaries: '职工总数不超过500人、年销售收入和资产总额均不超过2亿元的科技型中小企业',
        conditions: [
          data('figures.employees', 'lte', 500),
          data('figures.revenue', 'lte', 20_000),
          data('figures.sciTechStaff', 'gt', 0),
        ],
        amount: { kind: 'none' },
        fulfilMode: 'statutory',
        windowFrom: '2020-01-01',
        windowTo: '2020-12-31',
      }),
    ],
  },
  {
    title: '科技部 财政部 国家税务总局关于修订印发《高新技术企业认定管理办法》的通知',
    level: 'national',
    theme: 'cultivation',
    indexNo: null,
    documentNo: '国科发火〔2016〕32号',
    issuer: '科技部 财政部 国家税务总局',
    writtenOn: '2016-01-29',
    publishedOn: '2016-02-04',
    effectiveFrom: '2016-01-01',
    effectiveTo: null,
    fullText: body(
      '第四条 依据本办法认定的高新技术企业，可依照《企业所得税法》及其《实施条例》、《中华人民共和国税收征收管理法》及《中华人民共和国税收征收管理法实施细则》等有关规定，申报享受税收优惠政策。',
      '第十一条 认定为高新技术企业须同时满足以下条件：企业申请认定时须注册成立一年以上；对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权；从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于10%；近三个会计年度的研究开发费用总额占同期销售收入总额的比例符合要求；近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%。',
    ),
    interpretation: null,
    attachments: [],
    items: [
      item({
        title: '高新技术企业减按15%税率征收企业所得税',
        type: 'relief',
        beneficiaries: '持有效高新技术企业证书的企业',
        conditions: [data('hte.valid', 'eq', true)],
        amount: { kind: 'none' },
        fulfilMode: 'statutory',
        department: '国家税务总局济宁市任城区税务局',
        contact: '12366',
      }),
    ],
  },
  {
    title: '山东省科学技术厅 山东省财政厅关于印发《山东省企业研究开发财政补助资金管理办法》的通知',
    level: 'provincial',
    theme: 'rd',
    indexNo: '11370000004185203X/2019-00218',
    documentNo: '鲁科字〔2019〕33号',
    issuer: '山东省科学技术厅 山东省财政厅',
    writtenOn: '2019-03-18',
    publishedOn: '2019-03-25',
    effectiveFrom: '2019-04-25',
    effectiveTo: '2024-04-24',
    fullText: body(
      '第二条 企业研究开发财政补助资金，是指省级财政安排的用于引导企业加大研发投入的补助资金，采取后补助方式。',
      '第五条 补助对象为在我省境内注册、研发费用较上年有增长的企业。按照企业研发费用增量的一定比例给予补助，单个企业年度补助额最高不超过100万元。',
      '第九条 补助资金依据税务部门提供的企业研发费用加计扣除数据核定，企业无需另行申报。',
    ),
    interpretation:
      '按企业享受研发费用加计扣除政策的研发费用增量给予补助，依据税务部门数据核定，实行免申即享。',
    attachments: [],
    items: [
      item({
        title: '企业研究开发财政补助（研发费用后补助）',
        type: 'award',
        beneficiaries: '研发费用较上年有增长的规模以上企业',
        conditions: [
          data('figures.aboveDesignatedSize', 'eq', true),
          data('figures.rdIncrease', 'gt', 0),
          data('hte.valid', 'eq', true, false),
        ],
        amount: {
          kind: 'percent',
          baseField: 'figures.rdIncrease',
          ratePercent: 10,
          capFen: 100 * WAN,
          floorFen: 1 * WAN,
        },
        fulfilMode: 'no-application',
        fulfilDays: 60,
        department: '济宁市科学技术局',
        contact: '0537-2342160',
      }),
    ],
  },
  {
    title: '山东省人民政府办公厅关于加快推进科技成果转化贷款风险补偿工作的通知',
    level: 'provincial',
    theme: 'finance',
    indexNo: '11370000004184842D/2020-00512',
    documentNo: '鲁政办字〔2020〕61号',
    issuer: '山东省人民政府办公厅',
    writtenOn: '2020-04-20',
    publishedOn: '2020-04-28',
    effectiveFrom: '2020-05-01',
    effectiveTo: '2025-04-30',
    fullText: body(
      '一、对合作银行向科技型中小企业发放的科技成果转化贷款，发生实际损失的，省、市、县三级财政按贷款本金损失的一定比例给予补偿。',
      '二、申请贷款的企业应为入库科技型中小企业或高新技术企业，贷款用于科技成果转化和产业化。',
    ),
    interpretation: null,
    attachments: [],
    items: [
      item({
        title: '科技成果转化贷款风险补偿',
        type: 'benefit',
        beneficiaries: '入库科技型中小企业、高新技术企业',
        conditions: [data('techSme.firstYear', 'exists', null), paper('合作银行出具的贷款合同及用途说明')],
        amount: { kind: 'none' },
        fulfilMode: 'fast-application',
        fulfilDays: 60,
        department: '济宁市科学技术局',
        contact: '0537-2342160',
      }),
    ],
  },
  {
    title: '济宁市人民政府关于印发济宁市支持科技创新若干政策的通知',
    level: 'city',
    theme: 'cultivation',
    indexNo: '11370800004306012K/2020-00093',
    documentNo: '济政发〔2020〕5号',
    issuer: '济宁市人民政府',
    writtenOn: '2020-02-26',
    publishedOn: '2020-03-02',
    effectiveFrom: '2020-04-01',
    effectiveTo: '2022-12-31',
    fullText: body(
      '一、支持高新技术企业发展。对首次认定的高新技术企业，市财政给予一次性奖励10万元；对重新认定的高新技术企业给予5万元奖励。',
      '二、支持创新平台建设。对新认定的国家级、省级重点实验室、技术创新中心，分别给予300万元、100万元一次性研发补助；对新建院士工作站给予30万元补助。',
      '三、本政策由市科技局负责解释，自2020年4月1日起施行。',
    ),
    interpretation: '高企奖励依据科技部门认定数据直接兑现；平台补助需依托单位提交认定文件。',
    attachments: [],
    items: [
      item({
        title: '高新技术企业首次认定奖励（市级）',
        type: 'award',
        beneficiaries: '当年首次认定的高新技术企业',
        conditions: [data('hte.firstYear', 'withinYears', 1)],
        amount: { kind: 'fixed', amountFen: 10 * WAN },
        fulfilMode: 'no-application',
        fulfilDays: 30,
        department: '济宁市科学技术局',
        contact: '0537-2342160',
      }),
      item({
        title: '院士工作站建设补助',
        type: 'award',
        beneficiaries: '新建（含续建）院士工作站的依托单位',
        conditions: [paper('院士工作站认定文件及合作协议')],
        amount: { kind: 'fixed', amountFen: 30 * WAN },
        fulfilMode: 'fast-application',
        fulfilDays: 60,
        department: '济宁市科学技术局',
        contact: '0537-2342160',
      }),
    ],
  },
  {
    title: '任城区科技创新奖励办法',
    level: 'district',
    theme: 'cultivation',
    indexNo: '11370811004330516B/2018-00041',
    documentNo: '任政发〔2018〕12号',
    issuer: '任城区人民政府',
    writtenOn: '2018-04-10',
    publishedOn: '2018-04-16',
    effectiveFrom: '2018-05-01',
    effectiveTo: '2022-04-30',
    fullText: body(
      '第一条 为鼓励企业加大科技创新投入，根据有关规定，制定本办法。',
      '第二条 对首次认定的国家高新技术企业，区财政给予一次性奖励5万元。',
      '第三条 对评价入库的科技型中小企业给予0.5万元奖励。',
    ),
    interpretation: null,
    attachments: [],
    items: [
      item({
        title: '高新技术企业首次认定奖励（区级，2018版）',
        type: 'award',
        beneficiaries: '首次认定的国家高新技术企业',
        conditions: [data('hte.firstYear', 'withinYears', 1)],
        amount: { kind: 'fixed', amountFen: 5 * WAN },
        fulfilMode: 'fast-application',
        fulfilDays: 60,
      }),
    ],
    repealedBy: '任政发〔2020〕7号',
  },
  {
    title: '任城区加快科技创新推动高质量发展的若干政策',
    level: 'district',
    theme: 'cultivation',
    indexNo: '11370811004330516B/2020-00027',
    documentNo: '任政发〔2020〕7号',
    issuer: '任城区人民政府',
    writtenOn: '2020-03-12',
    publishedOn: '2020-03-18',
    effectiveFrom: '2020-01-01',
    effectiveTo: '2022-12-31',
    fullText: body(
      '一、强化企业创新主体地位。对当年评价入库的科技型中小企业，区财政给予每家1万元奖励，依据科技部门入库名单直接兑现，企业无需申报。',
      '二、对当年首次认定的国家高新技术企业，区财政给予一次性奖励10万元，与市级奖励不重复扣减。',
      '三、鼓励企业加大研发投入。对规模以上工业企业研发费用同比增加额超过50万元的，按增加额的5%给予补助，最高20万元、最低1万元。企业须提交经审计的研发费用专项报告。',
      '四、本政策自2020年1月1日起施行，《任城区科技创新奖励办法》（任政发〔2018〕12号）同时废止。',
    ),
    interpretation:
      '科技型中小企业入库奖励和高企首次认定奖励实行“免申即享”，由区科技局依据入库、认定数据比对生成名单，经部门确认后直接拨付；研发投入补助实行“快申快享”，60个工作日内兑现。',
    attachments: [],
    supersedesDocumentNo: '任政发〔2018〕12号',
    items: [
      item({
        title: '科技型中小企业入库奖励',
        type: 'award',
        beneficiaries: '当年评价入库的科技型中小企业',
        conditions: [data('techSme.registered', 'eq', true), data('enterprise.verified', 'eq', true)],
        amount: { kind: 'fixed', amountFen: 1 * WAN },
        fulfilMode: 'no-application',
        fulfilDays: 20,
        windowFrom: '2020-01-01',
        windowTo: '2020-12-31',
      }),
      item({
        title: '高新技术企业首次认定奖励（区级）',
        type: 'award',
        beneficiaries: '当年首次认定的国家高新技术企业',
        conditions: [data('hte.firstYear', 'withinYears', 1)],
        amount: { kind: 'fixed', amountFen: 10 * WAN },
        fulfilMode: 'no-application',
        fulfilDays: 20,
      }),
      item({
        title: '企业研发投入补助',
        type: 'award',
        beneficiaries: '研发费用同比增加额超过50万元的规模以上工业企业',
        conditions: [
          data('figures.aboveDesignatedSize', 'eq', true),
          data('figures.rdIncrease', 'gte', 50),
          { ...paper('经审计的研发费用专项报告'), field: 'figures.rdExpense' },
        ],
        amount: {
          kind: 'percent',
          baseField: 'figures.rdIncrease',
          ratePercent: 5,
          capFen: 20 * WAN,
          floorFen: 1 * WAN,
        },
        fulfilMode: 'fast-application',
        fulfilDays: 60,
      }),
    ],
  },
];

/** Printed copies of the 2020 《政策指引》: 11 training sessions and visits, 5000 余册 in all. */
export const DEMO_GUIDE_DISTRIBUTIONS: { recipient: string; copies: number; distributedOn: string }[] = [
  { recipient: '科技政策专题培训班（第1期，古槐街道）', copies: 420, distributedOn: '2020-04-16' },
  { recipient: '科技政策专题培训班（第2期，济阳街道）', copies: 380, distributedOn: '2020-05-08' },
  { recipient: '高新技术企业认定辅导会', copies: 650, distributedOn: '2020-05-21' },
  { recipient: '科技型中小企业评价培训会', copies: 560, distributedOn: '2020-06-11' },
  { recipient: '科技政策专题培训班（第3期，唐口街道）', copies: 300, distributedOn: '2020-06-24' },
  { recipient: '“大调研、大排查”入企走访（60余家企业）', copies: 540, distributedOn: '2020-07-15' },
  { recipient: '科技政策专题培训班（第4期，喻屯镇）', copies: 260, distributedOn: '2020-08-06' },
  { recipient: '区政务服务中心科技服务窗口', copies: 800, distributedOn: '2020-09-01' },
  { recipient: '产学研精准对接活动', copies: 450, distributedOn: '2020-10-20' },
  { recipient: '科技政策专题培训班（第5期，长沟镇）', copies: 320, distributedOn: '2020-11-12' },
  { recipient: '规上企业研发机构建设推进会', copies: 420, distributedOn: '2020-12-03' },
];
