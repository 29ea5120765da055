import type { Text } from '../i18n';
import type { ScoreRange } from './rule-result';
import { text } from './rule-text';

/**
 * 高企 rules as data: 认定 conditions (国科发火〔2016〕32号 第十一条) and the 创新能力评价 bands
 * (工作指引 国科发火〔2016〕195号). A new version is a new constant; the engines stay as they are.
 */

/** Grades an expert gives to 技术的先进程度 and 核心支持作用. */
export type ExpertGrade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface GradeBand {
  grade: ExpertGrade;
  range: ScoreRange;
}

export interface IpQuantityBand {
  grade: ExpertGrade;
  ipClass: 1 | 2;
  minCount: number;
  range: ScoreRange;
}

/** At least `minAverage` conversions a year earns a score in `range`. */
export interface ConversionBand {
  minAverage: number;
  range: ScoreRange;
}

/** A growth rate of at least `minPercent` (or above it, when `isExclusive`) earns a score in `range`. */
export interface GrowthBand {
  minPercent: number;
  isExclusive?: boolean;
  range: ScoreRange;
}

export interface ManagementCriterion {
  code: string;
  label: Text;
  maxPoints: number;
}

export interface InnovationScoring {
  /** 综合得分 must be above this (不含): with integer scores, 71. */
  passAbove: number;
  /** 知识产权 is capped at this after the standards bonus. */
  ipCap: number;
  gradeBands: readonly GradeBand[];
  ipQuantityBands: readonly IpQuantityBand[];
  ipSelfDeveloped: ScoreRange;
  ipAcquiredOnly: ScoreRange;
  standardsBonus: ScoreRange;
  conversionBands: readonly ConversionBand[];
  management: readonly ManagementCriterion[];
  growthBands: readonly GrowthBand[];
}

export const INNOVATION_SCORING_2016: InnovationScoring = {
  passAbove: 70,
  ipCap: 30,
  gradeBands: [
    { grade: 'A', range: { min: 7, max: 8 } },
    { grade: 'B', range: { min: 5, max: 6 } },
    { grade: 'C', range: { min: 3, max: 4 } },
    { grade: 'D', range: { min: 1, max: 2 } },
    { grade: 'E', range: { min: 0, max: 0 } },
  ],
  ipQuantityBands: [
    { grade: 'A', ipClass: 1, minCount: 1, range: { min: 7, max: 8 } },
    { grade: 'B', ipClass: 2, minCount: 5, range: { min: 5, max: 6 } },
    { grade: 'C', ipClass: 2, minCount: 3, range: { min: 3, max: 4 } },
    { grade: 'D', ipClass: 2, minCount: 1, range: { min: 1, max: 2 } },
  ],
  ipSelfDeveloped: { min: 1, max: 6 },
  ipAcquiredOnly: { min: 1, max: 3 },
  standardsBonus: { min: 1, max: 2 },
  conversionBands: [
    { minAverage: 5, range: { min: 25, max: 30 } },
    { minAverage: 4, range: { min: 19, max: 24 } },
    { minAverage: 3, range: { min: 13, max: 18 } },
    { minAverage: 2, range: { min: 7, max: 12 } },
    { minAverage: 1, range: { min: 1, max: 6 } },
  ],
  management: [
    {
      code: 'managementSystems',
      label: text(
        '研发组织管理制度、研发投入核算体系、研发费用辅助账',
        'R&D management rules, R&D accounting',
      ),
      maxPoints: 6,
    },
    {
      code: 'rdInstitution',
      label: text(
        '内部研发机构与科研条件、产学研合作',
        'In-house R&D unit and facilities, research cooperation',
      ),
      maxPoints: 6,
    },
    {
      code: 'conversionIncentives',
      label: text(
        '成果转化组织实施与激励奖励制度、开放式创新创业平台',
        'Conversion incentives, open innovation platforms',
      ),
      maxPoints: 4,
    },
    {
      code: 'talentSystems',
      label: text(
        '人才培养、培训、引进与绩效评价奖励制度',
        'Training, recruitment and performance rewards for talent',
      ),
      maxPoints: 4,
    },
  ],
  // "为负的，按0分计算"; the lowest band is printed "≥0" in some copies, DOMAIN-RULES §2.2 reads it as >0.
  growthBands: [
    { minPercent: 35, range: { min: 9, max: 10 } },
    { minPercent: 25, range: { min: 7, max: 8 } },
    { minPercent: 15, range: { min: 5, max: 6 } },
    { minPercent: 5, range: { min: 3, max: 4 } },
    { minPercent: 0, isExclusive: true, range: { min: 1, max: 2 } },
  ],
};

/** R&D intensity required for a revenue size: up to `maxRevenueFen` (含), or any size when null. */
export interface RdIntensityBand {
  maxRevenueFen: number | null;
  minPercent: number;
}

export interface TechnologyField {
  code: string;
  label: Text;
}

/** One version of the 高企 认定 rules, as data. */
export interface HighTechPolicy {
  id: string;
  documentNumbers: readonly string[];
  title: Text;
  /** 第十一条(一): 注册成立一年以上; "以上" includes the year itself (民法典 第一千二百五十九条). */
  minRegisteredYears: number;
  /** 近三个会计年度, fewer when the enterprise has operated for less (按实际经营时间计算). */
  accountingYears: number;
  /** Chosen by the latest year's revenue; listed from the smallest size up. */
  rdIntensityBands: readonly RdIntensityBand[];
  minDomesticRdPercent: number;
  minSciTechStaffPercent: number;
  minHighTechRevenuePercent: number;
  technologyFields: readonly TechnologyField[];
  innovation: InnovationScoring;
}

const FEN_PER_WAN_YUAN = 1_000_000;
const FEN_PER_YI_YUAN = 10_000_000_000;

export const HIGH_TECH_POLICY_2016: HighTechPolicy = {
  id: 'high-tech-2016',
  documentNumbers: ['国科发火〔2016〕32号', '国科发火〔2016〕195号'],
  title: text('高新技术企业认定管理办法及工作指引', 'High-tech enterprise recognition rules and guidelines'),
  minRegisteredYears: 1,
  accountingYears: 3,
  rdIntensityBands: [
    { maxRevenueFen: 5000 * FEN_PER_WAN_YUAN, minPercent: 5 },
    { maxRevenueFen: 2 * FEN_PER_YI_YUAN, minPercent: 4 },
    { maxRevenueFen: null, minPercent: 3 },
  ],
  minDomesticRdPercent: 60,
  minSciTechStaffPercent: 10,
  minHighTechRevenuePercent: 60,
  technologyFields: [
    { code: 'electronic-information', label: text('电子信息', 'Electronic information') },
    { code: 'biomedicine', label: text('生物与新医药', 'Biology and new medicine') },
    { code: 'aerospace', label: text('航空航天', 'Aerospace') },
    { code: 'new-materials', label: text('新材料', 'New materials') },
    { code: 'high-tech-services', label: text('高技术服务', 'High-tech services') },
    { code: 'new-energy', label: text('新能源与节能', 'New energy and energy saving') },
    { code: 'resources-environment', label: text('资源与环境', 'Resources and environment') },
    {
      code: 'advanced-manufacturing',
      label: text('先进制造与自动化', 'Advanced manufacturing and automation'),
    },
  ],
  innovation: INNOVATION_SCORING_2016,
};
