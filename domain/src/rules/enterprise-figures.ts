import { z } from 'zod';
import type { FieldLabels, Text } from '../text';

/** Up to 10万亿元 in 分: far above any district enterprise, and sums of three years stay safe integers. */
const MAX_FEN = 1e15;
const MAX_COUNT = 10_000_000;

const NEGATIVE = { params: { key: 'figures.negative' } };

const amountFenSchema = z
  .number()
  .int()
  .max(MAX_FEN)
  .refine((value) => value >= 0, NEGATIVE);
const countSchema = z
  .number()
  .int()
  .max(MAX_COUNT)
  .refine((value) => value >= 0, NEGATIVE);

/**
 * One enterprise's figures for one accounting year, as filed or imported.
 * The rule engines read these only after this schema has accepted them (integers, no contradictions).
 */
export const enterpriseYearFiguresSchema = z
  .strictObject({
    year: z.number().int().min(1990).max(2100),
    /** 职工总数: 在职 + 兼职 + 临时聘用. */
    employees: countSchema,
    /** 科技人员: staff doing or directly serving R&D (兼职/临时 count with ≥ 183 days in the year). */
    sciTechStaff: countSchema,
    /** 销售收入 (营业收入) of the year. */
    revenueFen: amountFenSchema,
    /** 成本费用支出总额: the denominator of the 科技型中小企业's cost-based R&D ratio. */
    costFen: amountFenSchema,
    totalAssetsFen: amountFenSchema,
    /** May be negative when liabilities exceed assets; it must agree with the two figures it comes from. */
    netAssetsFen: z.number().int().min(-MAX_FEN).max(MAX_FEN),
    liabilitiesFen: amountFenSchema,
    /** 研发费用总额, collected under the 加计扣除 rules. */
    rdExpenseFen: amountFenSchema,
    /** 境内研发费用: the part spent in mainland China. */
    rdExpenseDomesticFen: amountFenSchema,
    /** 高新技术产品（服务）收入, including 技术性收入. */
    highTechRevenueFen: amountFenSchema,
    /** Valid Ⅰ类 IP held: 发明专利, 植物新品种, 集成电路布图设计 and the like. */
    ipClass1Count: countSchema,
    /** Valid Ⅱ类 IP held: 实用新型, 外观设计, 软件著作权 (not 商标). */
    ipClass2Count: countSchema,
    /** Of the Ⅰ类 and Ⅱ类 IP, how many came from the enterprise's own R&D (the rest was 受让/受赠/并购). */
    ipSelfDevelopedCount: countSchema,
    /** 科技成果转化数 in the year. */
    conversionsCount: countSchema,
    /** 工业总产值, for the high-tech industry statistics. */
    industrialOutputFen: amountFenSchema,
    /** 规模以上 (规上) enterprise in the year. */
    isAboveDesignatedSize: z.boolean(),
  })
  .superRefine((figures, context) => {
    const refuse = (path: keyof typeof figures, key: string) =>
      context.addIssue({ code: 'custom', path: [path], params: { key }, input: figures[path] });
    if (figures.sciTechStaff > figures.employees)
      refuse('sciTechStaff', 'figures.sciTechStaffAboveEmployees');
    if (figures.rdExpenseDomesticFen > figures.rdExpenseFen) {
      refuse('rdExpenseDomesticFen', 'figures.domesticRdAboveTotal');
    }
    if (figures.highTechRevenueFen > figures.revenueFen) {
      refuse('highTechRevenueFen', 'figures.highTechRevenueAboveRevenue');
    }
    if (figures.netAssetsFen !== figures.totalAssetsFen - figures.liabilitiesFen) {
      refuse('netAssetsFen', 'figures.netAssetsMismatch');
    }
    if (figures.ipSelfDevelopedCount > figures.ipClass1Count + figures.ipClass2Count) {
      refuse('ipSelfDevelopedCount', 'figures.selfDevelopedIpAboveTotal');
    }
  });
export type EnterpriseYearFigures = z.infer<typeof enterpriseYearFiguresSchema>;

/** Labels of the figures' fields; validation messages name the field with these. */
export const FIGURES_FIELD_LABELS: FieldLabels = {
  year: { zh: '年度', en: 'Year' },
  employees: { zh: '职工总数', en: 'Employees' },
  sciTechStaff: { zh: '科技人员数', en: 'S&T staff' },
  revenueFen: { zh: '销售收入', en: 'Sales revenue' },
  costFen: { zh: '成本费用支出总额', en: 'Total costs and expenses' },
  totalAssetsFen: { zh: '资产总额', en: 'Total assets' },
  netAssetsFen: { zh: '净资产', en: 'Net assets' },
  liabilitiesFen: { zh: '负债总额', en: 'Total liabilities' },
  rdExpenseFen: { zh: '研发费用总额', en: 'Total R&D expense' },
  rdExpenseDomesticFen: { zh: '境内研发费用', en: 'R&D expense in China' },
  highTechRevenueFen: { zh: '高新技术产品（服务）收入', en: 'High-tech product (service) revenue' },
  ipClass1Count: { zh: 'Ⅰ类知识产权数', en: 'Class I IP items' },
  ipClass2Count: { zh: 'Ⅱ类知识产权数', en: 'Class II IP items' },
  ipSelfDevelopedCount: { zh: '自主研发知识产权数', en: 'Self-developed IP items' },
  conversionsCount: { zh: '科技成果转化数', en: 'Research results converted' },
  industrialOutputFen: { zh: '工业总产值', en: 'Industrial output value' },
  isAboveDesignatedSize: { zh: '是否规上企业', en: 'Above designated size' },
};

/** Messages of the figures' refinements, by `params.key`; the field label is put in front of each. */
export const RULE_ISSUE_MESSAGES: Record<string, Text> = {
  'figures.negative': { zh: '不能为负数', en: 'cannot be negative' },
  'figures.sciTechStaffAboveEmployees': {
    zh: '不能多于职工总数',
    en: 'cannot exceed the number of employees',
  },
  'figures.domesticRdAboveTotal': { zh: '不能多于研发费用总额', en: 'cannot exceed the total R&D expense' },
  'figures.highTechRevenueAboveRevenue': { zh: '不能多于销售收入', en: 'cannot exceed the sales revenue' },
  'figures.netAssetsMismatch': {
    zh: '应等于资产总额减负债总额',
    en: 'must equal total assets minus total liabilities',
  },
  'figures.selfDevelopedIpAboveTotal': {
    zh: '不能多于Ⅰ类与Ⅱ类知识产权之和',
    en: 'cannot exceed the Class I and Class II IP items together',
  },
};
