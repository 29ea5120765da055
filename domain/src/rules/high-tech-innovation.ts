import type { Text } from '../i18n';
import type { EnterpriseYearFigures } from './enterprise-figures';
import {
  type ExpertGrade,
  type GrowthBand,
  INNOVATION_SCORING_2016,
  type InnovationScoring,
} from './high-tech-policy';
import {
  type Fraction,
  formatPercent,
  formatRatioPercent,
  growthPercentOf,
  isGrowthAbove,
  isGrowthAtLeast,
} from './rule-math';
import type { ConditionStatus, ScoreRange } from './rule-result';
import { text } from './rule-text';

/**
 * 高企 创新能力评价 (工作指引 国科发火〔2016〕195号): 100 points, integer scoring, pass above 70.
 * Experts pick a score within a band, so the system computes the band from the figures where it can and
 * shows the whole range where only experts can judge. It never invents a score.
 */

export type InnovationGroup = 'intellectualProperty' | 'conversion' | 'management' | 'growth';

export interface InnovationItem {
  code: string;
  group: InnovationGroup;
  label: Text;
  maxPoints: number;
  range: ScoreRange;
  /** The band the figures (or the given grade) fall in; null where only experts can judge. */
  band: Text | null;
  basis: 'figures' | 'expert';
  actual: Text | null;
}

export interface InnovationAssessment {
  items: InnovationItem[];
  groups: { group: InnovationGroup; label: Text; maxPoints: number; range: ScoreRange }[];
  total: ScoreRange;
  passAbove: number;
  /** met when even the lowest total passes, notMet when even the highest does not, else up to the experts. */
  status: ConditionStatus;
}

/** What experts have already said (or the enterprise expects); anything left out keeps its full range. */
export interface ExpertGrades {
  technologyLevel?: ExpertGrade;
  coreSupport?: ExpertGrade;
  hasLedStandards?: boolean;
}

const ZERO: ScoreRange = { min: 0, max: 0 };

const GRADE_WORDS: Record<'technologyLevel' | 'coreSupport', Record<ExpertGrade, Text>> = {
  technologyLevel: {
    A: text('高', 'high'),
    B: text('较高', 'fairly high'),
    C: text('一般', 'average'),
    D: text('较低', 'low'),
    E: text('无', 'none'),
  },
  coreSupport: {
    A: text('强', 'strong'),
    B: text('较强', 'fairly strong'),
    C: text('一般', 'average'),
    D: text('较弱', 'weak'),
    E: text('无', 'none'),
  },
};

function rangeLabel(range: ScoreRange): string {
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
}

function gradedItem(
  scoring: InnovationScoring,
  code: 'technologyLevel' | 'coreSupport',
  label: Text,
  grade: ExpertGrade | undefined,
): InnovationItem {
  const band = grade ? scoring.gradeBands.find((item) => item.grade === grade) : undefined;
  const maxPoints = scoring.gradeBands[0].range.max;
  const word = grade ? GRADE_WORDS[code][grade] : null;
  return {
    code,
    group: 'intellectualProperty',
    label,
    maxPoints,
    range: band ? band.range : { min: 0, max: maxPoints },
    band:
      band && word
        ? text(
            `${band.grade} ${word.zh}（${rangeLabel(band.range)}分）`,
            `${band.grade} ${word.en} (${rangeLabel(band.range)})`,
          )
        : null,
    basis: 'expert',
    actual: null,
  };
}

/**
 * 1/2 × (a2/a1 + a3/a2) as an exact fraction, or a2/a1 with two years. Null when it cannot be computed,
 * which scores 0. A non-positive base year falls back to the last two years (DOMAIN-RULES §2.2 [M] for a
 * zero first year; a negative one is no better a base).
 */
export function growthFactor(values: readonly number[]): Fraction | null {
  const recent = values.slice(-3);
  if (recent.length === 3 && recent[0] <= 0) return growthFactor(recent.slice(1));
  if (recent.length === 3) {
    const [first, second, third] = recent.map(BigInt);
    if (second <= 0n) return null;
    return { numerator: second * second + first * third, denominator: 2n * first * second };
  }
  if (recent.length === 2 && recent[0] > 0)
    return { numerator: BigInt(recent[1]), denominator: BigInt(recent[0]) };
  return null;
}

function growthItem(
  scoring: InnovationScoring,
  code: string,
  label: Text,
  values: readonly number[],
): InnovationItem {
  const factor = growthFactor(values);
  const maxPoints = scoring.growthBands[0].range.max;
  const band = factor
    ? scoring.growthBands.find((item) =>
        item.isExclusive ? isGrowthAbove(factor, item.minPercent) : isGrowthAtLeast(factor, item.minPercent),
      )
    : undefined;
  const bandLabel = (item: GrowthBand) => {
    const threshold = formatPercent(item.minPercent);
    return item.isExclusive
      ? text(`>${threshold}`, `above ${threshold}`)
      : text(`≥${threshold}`, `${threshold} or more`);
  };
  const rate = factor ? formatRatioPercent(growthPercentOf(factor)) : null;
  return {
    code,
    group: 'growth',
    label,
    maxPoints,
    range: band ? band.range : ZERO,
    band: band
      ? text(
          `${bandLabel(band).zh}（${rangeLabel(band.range)}分）`,
          `${bandLabel(band).en} (${rangeLabel(band.range)})`,
        )
      : factor
        ? text('≤0%（0分）', '0% or less (0)')
        : text('无法计算（0分）', 'cannot be computed (0)'),
    basis: 'figures',
    actual: rate ? text(rate, rate) : null,
  };
}

/**
 * The innovation score's bands from the accounting years' figures (oldest first, up to three; the last is
 * the latest year) and whatever expert grades are known.
 */
export function assessInnovation(
  years: readonly EnterpriseYearFigures[],
  grades: ExpertGrades = {},
  scoring: InnovationScoring = INNOVATION_SCORING_2016,
): InnovationAssessment {
  const latest = years[years.length - 1];
  const items: InnovationItem[] = [];

  items.push(
    gradedItem(
      scoring,
      'technologyLevel',
      text('技术的先进程度', 'How advanced the technology is'),
      grades.technologyLevel,
    ),
  );
  items.push(
    gradedItem(
      scoring,
      'coreSupport',
      text('对主要产品（服务）的核心支持作用', 'Core support to the main products'),
      grades.coreSupport,
    ),
  );

  const class1 = latest?.ipClass1Count ?? 0;
  const class2 = latest?.ipClass2Count ?? 0;
  const quantityBand = scoring.ipQuantityBands.find(
    (band) => (band.ipClass === 1 ? class1 : class2) >= band.minCount,
  );
  items.push({
    code: 'ipQuantity',
    group: 'intellectualProperty',
    label: text('知识产权数量', 'Number of IP items'),
    maxPoints: scoring.ipQuantityBands[0].range.max,
    range: quantityBand ? quantityBand.range : ZERO,
    band: quantityBand
      ? text(
          `${quantityBand.grade}（${rangeLabel(quantityBand.range)}分）`,
          `${quantityBand.grade} (${rangeLabel(quantityBand.range)})`,
        )
      : text('E（0分）', 'E (0)'),
    basis: 'figures',
    actual: text(`Ⅰ类${class1}项，Ⅱ类${class2}项`, `Class I ${class1}, Class II ${class2}`),
  });

  const selfDeveloped = latest?.ipSelfDevelopedCount ?? 0;
  const acquisition =
    selfDeveloped > 0 ? scoring.ipSelfDeveloped : class1 + class2 > 0 ? scoring.ipAcquiredOnly : ZERO;
  items.push({
    code: 'ipAcquisition',
    group: 'intellectualProperty',
    label: text('知识产权获得方式', 'How the IP was obtained'),
    maxPoints: scoring.ipSelfDeveloped.max,
    range: acquisition,
    band:
      selfDeveloped > 0
        ? text(
            `A 有自主研发（${rangeLabel(acquisition)}分）`,
            `A self-developed (${rangeLabel(acquisition)})`,
          )
        : class1 + class2 > 0
          ? text(
              `B 仅有受让、受赠和并购等（${rangeLabel(acquisition)}分）`,
              `B acquired only (${rangeLabel(acquisition)})`,
            )
          : text('无知识产权（0分）', 'no IP (0)'),
    basis: 'figures',
    actual: text(`自主研发${selfDeveloped}项`, `${selfDeveloped} self-developed`),
  });

  const standards =
    grades.hasLedStandards === undefined
      ? { min: 0, max: scoring.standardsBonus.max }
      : grades.hasLedStandards
        ? scoring.standardsBonus
        : ZERO;
  items.push({
    code: 'standards',
    group: 'intellectualProperty',
    label: text(
      '参与编制国家标准、行业标准、检测方法、技术规范（加分）',
      'Took part in national or industry standards (bonus)',
    ),
    maxPoints: scoring.standardsBonus.max,
    range: standards,
    band:
      grades.hasLedStandards === undefined
        ? null
        : grades.hasLedStandards
          ? text(`A 是（${rangeLabel(standards)}分）`, `A yes (${rangeLabel(standards)})`)
          : text('B 否（0分）', 'B no (0)'),
    basis: 'expert',
    actual: null,
  });

  const conversions = years.reduce((sum, figures) => sum + figures.conversionsCount, 0);
  const yearCount = years.length;
  // 年均 over the years on file, fewer than three for a younger enterprise (按实际经营时间, DOMAIN-RULES §2.1);
  // an average under 1 falls below the lowest band and scores 0. Compared exactly, without dividing.
  const conversionBand =
    yearCount > 0
      ? scoring.conversionBands.find((band) => conversions >= band.minAverage * yearCount)
      : undefined;
  const average = yearCount > 0 ? Math.floor((conversions * 10) / yearCount) / 10 : 0;
  items.push({
    code: 'conversion',
    group: 'conversion',
    label: text('科技成果转化能力（近三年年均转化数）', 'Conversion of results (yearly average)'),
    maxPoints: scoring.conversionBands[0].range.max,
    range: conversionBand ? conversionBand.range : ZERO,
    band: conversionBand
      ? text(
          `年均≥${conversionBand.minAverage}项（${rangeLabel(conversionBand.range)}分）`,
          `${conversionBand.minAverage} or more a year (${rangeLabel(conversionBand.range)})`,
        )
      : text('年均不足1项（0分）', 'under 1 a year (0)'),
    basis: 'figures',
    actual: text(
      `${yearCount}年共${conversions}项，年均${average}项`,
      `${conversions} in ${yearCount} years, ${average} a year`,
    ),
  });

  for (const criterion of scoring.management) {
    items.push({
      code: criterion.code,
      group: 'management',
      label: criterion.label,
      maxPoints: criterion.maxPoints,
      range: { min: 0, max: criterion.maxPoints },
      band: null,
      basis: 'expert',
      actual: null,
    });
  }

  items.push(
    growthItem(
      scoring,
      'netAssetGrowth',
      text('净资产增长率', 'Net asset growth'),
      years.map((figures) => figures.netAssetsFen),
    ),
    growthItem(
      scoring,
      'revenueGrowth',
      text('销售收入增长率', 'Sales revenue growth'),
      years.map((figures) => figures.revenueFen),
    ),
  );

  const groupLabels: Record<InnovationGroup, Text> = {
    intellectualProperty: text('知识产权', 'Intellectual property'),
    conversion: text('科技成果转化能力', 'Conversion of results'),
    management: text('研究开发组织管理水平', 'R&D management'),
    growth: text('企业成长性', 'Growth'),
  };
  const groups = (Object.keys(groupLabels) as InnovationGroup[]).map((group) => {
    const members = items.filter((item) => item.group === group);
    const sum = (pick: (item: InnovationItem) => number) =>
      members.reduce((total, item) => total + pick(item), 0);
    const cap = group === 'intellectualProperty' ? scoring.ipCap : Number.POSITIVE_INFINITY;
    return {
      group,
      label: groupLabels[group],
      maxPoints: Math.min(
        cap,
        sum((item) => item.maxPoints),
      ),
      range: {
        min: Math.min(
          cap,
          sum((item) => item.range.min),
        ),
        max: Math.min(
          cap,
          sum((item) => item.range.max),
        ),
      },
    };
  });
  const total = {
    min: groups.reduce((sum, group) => sum + group.range.min, 0),
    max: groups.reduce((sum, group) => sum + group.range.max, 0),
  };
  const status: ConditionStatus =
    total.min > scoring.passAbove ? 'met' : total.max <= scoring.passAbove ? 'notMet' : 'unknown';
  return { items, groups, total, passAbove: scoring.passAbove, status };
}
