import type { Text } from '../i18n';
import type { EnterpriseYearFigures } from './enterprise-figures';
import {
  formatPercent,
  formatRatioPercent,
  formatShortfallWanYuan,
  formatShortfallYuan,
  isAtLeastPercent,
  percentOf,
  shortfallToPercent,
  shortfallToShareOfWhole,
} from './rule-math';
import type { RuleCondition, RuleGap } from './rule-result';
import { text } from './rule-text';
import { eligibilityConditions } from './tech-sme-conditions';
import type { TechSmeInput } from './tech-sme-input';
import {
  type DirectQualification,
  type IpBand,
  type PercentBand,
  TECH_SME_POLICY_2017,
  type TechSmePolicy,
} from './tech-sme-policy';

export type { TechSmeDeclarations, TechSmeInput } from './tech-sme-input';

export interface BandScore {
  /** The ratio in percent, one decimal rounded down; null when its denominator is zero. */
  ratioPercent: number | null;
  points: number;
  band: Text;
}

export interface TechSmeIndicator extends BandScore {
  maxPoints: number;
  actual: Text;
}

export interface TechSmeEvaluation {
  policyId: string;
  documentNumber: string;
  year: number;
  /** 第六条(一)–(四) hold (or are not declared yet). */
  isEligible: boolean;
  sciTechStaff: TechSmeIndicator;
  rdInvestment: TechSmeIndicator & { basis: 'revenue' | 'cost'; byRevenue: BandScore; byCost: BandScore };
  intellectualProperty: TechSmeIndicator;
  totalScore: number;
  passScore: number;
  /** The direct qualification that applies, if any. */
  directQualification: DirectQualification | null;
  qualified: boolean;
  qualifiedBy: 'score' | 'direct' | null;
  /** The conditions that decide the outcome: eligibility, then the score (or the direct qualification). */
  conditions: RuleCondition[];
  /** What is missing and by how much, then the ways to raise the score; empty when qualified. */
  gaps: RuleGap[];
  /** The ways to raise the score alone (also at the end of `gaps`); empty when the score is not short. */
  improvements: RuleGap[];
}

function percentBandLabel(bands: readonly PercentBand[], index: number): Text {
  if (index < 0) {
    const lowest = formatPercent(bands[bands.length - 1].minPercent);
    return text(`<${lowest}`, `below ${lowest}`);
  }
  const lower = formatPercent(bands[index].minPercent);
  if (index === 0) return text(`≥${lower}`, `${lower} or more`);
  const upper = formatPercent(bands[index - 1].minPercent);
  return text(`${lower}（含）–${upper}`, `${lower} to under ${upper}`);
}

function scorePercentBands(bands: readonly PercentBand[], numerator: number, denominator: number): BandScore {
  const index = bands.findIndex((band) => isAtLeastPercent(numerator, denominator, band.minPercent));
  return {
    ratioPercent: percentOf(numerator, denominator),
    points: index < 0 ? 0 : bands[index].points,
    band: percentBandLabel(bands, index),
  };
}

function ipBandLabel(bands: readonly IpBand[], index: number): Text {
  if (index < 0) return text('无', 'none');
  const band = bands[index];
  const isTopOfClass = bands.findIndex((other) => other.ipClass === band.ipClass) === index;
  const className = band.ipClass === 1 ? 'Ⅰ类' : 'Ⅱ类';
  const classNameEn = band.ipClass === 1 ? 'Class I' : 'Class II';
  return isTopOfClass
    ? text(`≥${band.minCount}项${className}`, `${band.minCount} or more ${classNameEn}`)
    : text(`${band.minCount}项${className}`, `${band.minCount} ${classNameEn}`);
}

function ipCountOf(figures: EnterpriseYearFigures, ipClass: 1 | 2): number {
  return ipClass === 1 ? figures.ipClass1Count : figures.ipClass2Count;
}

function scoreIp(bands: readonly IpBand[], figures: EnterpriseYearFigures): BandScore {
  const index = bands.findIndex((band) => ipCountOf(figures, band.ipClass) >= band.minCount);
  return { ratioPercent: null, points: index < 0 ? 0 : bands[index].points, band: ipBandLabel(bands, index) };
}

function ratioText(ratioPercent: number | null): Text {
  return ratioPercent === null
    ? text('无法计算（分母为0）', 'n/a (zero denominator)')
    : text(formatRatioPercent(ratioPercent), formatRatioPercent(ratioPercent));
}

/** Ways to raise the score: for each indicator, the lowest band that closes the gap alone, or its top band. */
function listScoreImprovements(
  policy: TechSmePolicy,
  figures: EnterpriseYearFigures,
  evaluation: Pick<
    TechSmeEvaluation,
    'sciTechStaff' | 'rdInvestment' | 'intellectualProperty' | 'totalScore'
  >,
): RuleGap[] {
  const needed = policy.passScore - evaluation.totalScore;
  const pickBand = <T extends { points: number }>(bands: readonly T[], current: number): T | undefined => {
    const better = bands.filter((band) => band.points > current).reverse();
    return better.find((band) => band.points - current >= needed) ?? better[better.length - 1];
  };
  const improvements: RuleGap[] = [];

  const staffBand = pickBand(policy.sciTechStaffBands, evaluation.sciTechStaff.points);
  if (staffBand) {
    const count = shortfallToShareOfWhole(figures.sciTechStaff, figures.employees, staffBand.minPercent);
    const gain = staffBand.points - evaluation.sciTechStaff.points;
    const share = formatPercent(staffBand.minPercent);
    improvements.push({
      text: text(
        `科技人员占比达到${share}可得${staffBand.points}分（+${gain}分），需再增加${count}名科技人员`,
        `An S&T staff share of ${share} scores ${staffBand.points} (+${gain}): add ${count} S&T staff`,
      ),
      count,
      points: gain,
    });
  }

  const currentRd = evaluation.rdInvestment.points;
  const revenueBand = figures.revenueFen > 0 ? pickBand(policy.rdRevenueBands, currentRd) : undefined;
  if (revenueBand) {
    const amountFen = shortfallToPercent(figures.rdExpenseFen, figures.revenueFen, revenueBand.minPercent);
    const gain = revenueBand.points - currentRd;
    const share = formatPercent(revenueBand.minPercent);
    improvements.push({
      text: text(
        `研发费用占销售收入达到${share}可得${revenueBand.points}分（+${gain}分），需再投入研发费用${formatShortfallWanYuan(amountFen)}`,
        `R&D of ${share} of revenue scores ${revenueBand.points} (+${gain}): spend ${formatShortfallYuan(amountFen)} more on R&D`,
      ),
      amountFen,
      points: gain,
    });
  }
  // R&D expense is itself a cost, so spending more raises both sides of the cost-based ratio.
  const costBand = figures.costFen > 0 ? pickBand(policy.rdCostBands, currentRd) : undefined;
  if (costBand) {
    const amountFen = shortfallToShareOfWhole(figures.rdExpenseFen, figures.costFen, costBand.minPercent);
    const gain = costBand.points - currentRd;
    const share = formatPercent(costBand.minPercent);
    improvements.push({
      text: text(
        `研发费用占成本费用支出达到${share}可得${costBand.points}分（+${gain}分），需再投入研发费用${formatShortfallWanYuan(amountFen)}`,
        `R&D of ${share} of costs scores ${costBand.points} (+${gain}): spend ${formatShortfallYuan(amountFen)} more on R&D`,
      ),
      amountFen,
      points: gain,
    });
  }

  const currentIp = evaluation.intellectualProperty.points;
  for (const ipClass of [1, 2] as const) {
    const ipBand = pickBand(
      policy.ipBands.filter((band) => band.ipClass === ipClass),
      currentIp,
    );
    if (!ipBand) continue;
    const count = ipBand.minCount - ipCountOf(figures, ipClass);
    const gain = ipBand.points - currentIp;
    const kind =
      ipClass === 1
        ? text('Ⅰ类知识产权（如发明专利）', 'Class I IP (e.g. invention patents)')
        : text(
            'Ⅱ类知识产权（如实用新型、软件著作权）',
            'Class II IP (e.g. utility models, software copyrights)',
          );
    improvements.push({
      text: text(
        `再获得${count}项${kind.zh}可得${ipBand.points}分（+${gain}分）`,
        `${count} more ${kind.en} score ${ipBand.points} (+${gain})`,
      ),
      count,
      points: gain,
    });
  }
  return improvements;
}

/** 科技型中小企业评价 of one enterprise-year. Pure: the same figures always give the same result. */
export function evaluateTechSme(
  input: TechSmeInput,
  policy: TechSmePolicy = TECH_SME_POLICY_2017,
): TechSmeEvaluation {
  const { figures } = input;
  const eligibility = eligibilityConditions(policy, input);
  const isEligible = eligibility.every((condition) => condition.status !== 'notMet');

  const staff = scorePercentBands(policy.sciTechStaffBands, figures.sciTechStaff, figures.employees);
  const byRevenue = scorePercentBands(policy.rdRevenueBands, figures.rdExpenseFen, figures.revenueFen);
  const byCost = scorePercentBands(policy.rdCostBands, figures.rdExpenseFen, figures.costFen);
  // Ties go to the revenue basis, the one the 信息表 lists first.
  const basis = byCost.points > byRevenue.points ? 'cost' : 'revenue';
  const rd = basis === 'cost' ? byCost : byRevenue;
  const ip = scoreIp(policy.ipBands, figures);

  const sciTechStaff: TechSmeIndicator = {
    ...staff,
    maxPoints: policy.sciTechStaffBands[0].points,
    actual: ratioText(staff.ratioPercent),
  };
  const rdInvestment = {
    ...rd,
    maxPoints: Math.max(policy.rdRevenueBands[0].points, policy.rdCostBands[0].points),
    actual:
      basis === 'cost'
        ? text(`占成本费用支出${ratioText(rd.ratioPercent).zh}`, `${ratioText(rd.ratioPercent).en} of costs`)
        : text(`占销售收入${ratioText(rd.ratioPercent).zh}`, `${ratioText(rd.ratioPercent).en} of revenue`),
    basis,
    byRevenue,
    byCost,
  } as const;
  const intellectualProperty: TechSmeIndicator = {
    ...ip,
    maxPoints: policy.ipBands[0].points,
    actual: text(
      `Ⅰ类${figures.ipClass1Count}项，Ⅱ类${figures.ipClass2Count}项`,
      `Class I ${figures.ipClass1Count}, Class II ${figures.ipClass2Count}`,
    ),
  };
  const totalScore = sciTechStaff.points + rdInvestment.points + intellectualProperty.points;

  const held = new Set(input.directQualifications ?? []);
  const directQualification = policy.directQualifications.find((item) => held.has(item.code)) ?? null;

  const scoreConditions: RuleCondition[] = [];
  if (directQualification) {
    scoreConditions.push({
      code: 'directQualification',
      label: text('直接认定条件', 'Direct qualification'),
      status: 'met',
      actual: directQualification.label,
      required: text('符合其一', 'any one'),
      gap: null,
    });
  } else {
    const staffGapCount = shortfallToShareOfWhole(
      figures.sciTechStaff,
      figures.employees,
      policy.sciTechStaffBands[policy.sciTechStaffBands.length - 1].minPercent,
    );
    const lowestStaff = formatPercent(
      policy.sciTechStaffBands[policy.sciTechStaffBands.length - 1].minPercent,
    );
    scoreConditions.push(
      {
        code: 'totalScore',
        label: text('综合评价得分', 'Total score'),
        status: totalScore >= policy.passScore ? 'met' : 'notMet',
        actual: text(`${totalScore}分`, `${totalScore}`),
        required: text(`≥${policy.passScore}分`, `at least ${policy.passScore}`),
        gap:
          totalScore >= policy.passScore
            ? null
            : {
                text: text(
                  `综合评价${totalScore}分，需≥${policy.passScore}分，还差${policy.passScore - totalScore}分`,
                  `Total score ${totalScore}; ${policy.passScore} needed, ${policy.passScore - totalScore} short`,
                ),
                points: policy.passScore - totalScore,
              },
      },
      {
        code: 'sciTechStaffScore',
        label: text('科技人员指标得分不为0', 'S&T staff score above 0'),
        status: sciTechStaff.points > 0 ? 'met' : 'notMet',
        actual: text(`${sciTechStaff.points}分`, `${sciTechStaff.points}`),
        required: text('>0分', 'above 0'),
        gap:
          sciTechStaff.points > 0
            ? null
            : {
                text: text(
                  `科技人员占比${sciTechStaff.actual.zh}，低于${lowestStaff}，该项得0分（不得为0分），还需增加${staffGapCount}名科技人员`,
                  `S&T staff share ${sciTechStaff.actual.en} is below ${lowestStaff} and scores 0, which fails; add ${staffGapCount} S&T staff`,
                ),
                count: staffGapCount,
              },
      },
    );
  }

  const conditions = [...eligibility, ...scoreConditions];
  const passesScore = totalScore >= policy.passScore && sciTechStaff.points > 0;
  const qualifiedBy = !isEligible ? null : directQualification ? 'direct' : passesScore ? 'score' : null;
  const qualified = qualifiedBy !== null;

  const conditionGaps = conditions.flatMap((condition) =>
    condition.status === 'notMet' && condition.gap ? [condition.gap] : [],
  );
  const improvements =
    !qualified && !directQualification && totalScore < policy.passScore
      ? listScoreImprovements(policy, figures, {
          sciTechStaff,
          rdInvestment,
          intellectualProperty,
          totalScore,
        })
      : [];

  return {
    policyId: policy.id,
    documentNumber: policy.documentNumber,
    year: figures.year,
    isEligible,
    sciTechStaff,
    rdInvestment,
    intellectualProperty,
    totalScore,
    passScore: policy.passScore,
    directQualification,
    qualified,
    qualifiedBy,
    conditions,
    gaps: qualified ? [] : [...conditionGaps, ...improvements],
    improvements,
  };
}
