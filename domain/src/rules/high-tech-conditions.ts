import type { Text } from '../i18n';
import type { EnterpriseYearFigures } from './enterprise-figures';
import type { InnovationAssessment } from './high-tech-innovation';
import type { HighTechInput, HighTechSums, RdIntensity } from './high-tech-input';
import type { HighTechPolicy, RdIntensityBand } from './high-tech-policy';
import {
  formatAmountYuan,
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

/** The 高企 conditions one by one (国科发火〔2016〕32号 第十一条), each a row of the 体检 table with its gap. */

export function parseDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

const DAY_MS = 86_400_000;
const FEN_PER_WAN_YUAN = 1_000_000;
const FEN_PER_YI_YUAN = 10_000_000_000;

/** Amount limits as the documents write them: 5000万元, 2亿元. */
function formatLimit(fen: number): string {
  return fen % FEN_PER_YI_YUAN === 0 ? `${fen / FEN_PER_YI_YUAN}亿元` : `${fen / FEN_PER_WAN_YUAN}万元`;
}

function rdBandLabel(bands: readonly RdIntensityBand[], index: number): Text {
  const band = bands[index];
  const lower = index > 0 ? bands[index - 1].maxRevenueFen : null;
  if (band.maxRevenueFen === null && lower !== null) {
    return text(
      `最近一年销售收入${formatLimit(lower)}以上`,
      `latest revenue above ${formatAmountYuan(lower)}`,
    );
  }
  if (band.maxRevenueFen === null) return text('任意收入规模', 'any revenue');
  const upper = formatLimit(band.maxRevenueFen);
  if (lower === null) {
    return text(
      `最近一年销售收入${upper}以下（含）`,
      `latest revenue up to ${formatAmountYuan(band.maxRevenueFen)}`,
    );
  }
  return text(
    `最近一年销售收入${formatLimit(lower)}至${upper}（含）`,
    `latest revenue above ${formatAmountYuan(lower)} up to ${formatAmountYuan(band.maxRevenueFen)}`,
  );
}

const YEARS_ZH = ['', '一', '两', '三', '四', '五'];

function percentText(ratio: number | null): Text {
  if (ratio === null) return text('无法计算（分母为0）', 'n/a (zero denominator)');
  return text(formatRatioPercent(ratio), formatRatioPercent(ratio));
}

export function missingFigures(code: string, label: Text, required: Text, years: number[]): RuleCondition {
  return {
    code,
    label,
    status: 'unknown',
    actual: null,
    required,
    gap: { text: text(`缺少${years.join('、')}年度数据`, `Figures for ${years.join(', ')} are missing`) },
  };
}

export function registrationCondition(policy: HighTechPolicy, input: HighTechInput): RuleCondition {
  const registered = parseDate(input.registeredOn);
  const anniversary = new Date(registered);
  anniversary.setUTCFullYear(registered.getUTCFullYear() + policy.minRegisteredYears);
  const application = parseDate(input.applicationDate);
  const isMet = application.getTime() >= anniversary.getTime();
  const days = Math.ceil((anniversary.getTime() - application.getTime()) / DAY_MS);
  const from = anniversary.toISOString().slice(0, 10);
  return {
    code: 'registeredYears',
    label: text('注册成立满一年', 'Registered for at least a year'),
    status: isMet ? 'met' : 'notMet',
    actual: text(`${input.registeredOn}注册`, `registered ${input.registeredOn}`),
    required: text(`≥${policy.minRegisteredYears}年`, `at least ${policy.minRegisteredYears} year`),
    gap: isMet
      ? null
      : {
          text: text(
            `注册成立未满一年，还差${days}天（${from}起可申报）`,
            `Registered under a year: ${days} days to go (from ${from})`,
          ),
          days,
        },
  };
}

export function ipCondition(latest: EnterpriseYearFigures | undefined, input: HighTechInput): RuleCondition {
  const label = text('拥有核心支持作用的知识产权', 'Owns IP that supports the core technology');
  const required = text('≥1项', 'at least 1');
  if (!latest) return { code: 'ipOwnership', label, status: 'unknown', actual: null, required, gap: null };
  const count = latest.ipClass1Count + latest.ipClass2Count;
  const actual = text(
    `Ⅰ类${latest.ipClass1Count}项，Ⅱ类${latest.ipClass2Count}项`,
    `Class I ${latest.ipClass1Count}, Class II ${latest.ipClass2Count}`,
  );
  if (count === 0) {
    return {
      code: 'ipOwnership',
      label,
      status: 'notMet',
      actual,
      required,
      gap: {
        text: text(
          '尚无Ⅰ类或Ⅱ类知识产权，需至少取得1项对主要产品（服务）发挥核心支持作用的知识产权',
          'No Class I or II IP yet: obtain at least 1 item supporting the main products',
        ),
        count: 1,
      },
    };
  }
  const status = input.hasCoreIpSupport === undefined ? 'unknown' : input.hasCoreIpSupport ? 'met' : 'notMet';
  return {
    code: 'ipOwnership',
    label,
    status,
    actual,
    required,
    gap:
      status === 'notMet'
        ? {
            text: text(
              '现有知识产权未对主要产品（服务）发挥核心支持作用',
              'The IP held does not support the main products',
            ),
          }
        : null,
  };
}

export function fieldCondition(policy: HighTechPolicy, field: string | null | undefined): RuleCondition {
  const label = text(
    '核心技术属于国家重点支持的高新技术领域',
    'Core technology in a state-supported high-tech field',
  );
  const required = text('八大领域之一', 'one of the eight fields');
  if (field === undefined)
    return { code: 'technologyField', label, status: 'unknown', actual: null, required, gap: null };
  const match = policy.technologyFields.find((item) => item.code === field);
  return {
    code: 'technologyField',
    label,
    status: match ? 'met' : 'notMet',
    actual: match ? match.label : text('不属于', 'none'),
    required,
    gap: match
      ? null
      : {
          text: text(
            '核心技术不属于《国家重点支持的高新技术领域》',
            'The core technology is outside the supported fields',
          ),
        },
  };
}

export function atLeast(percent: number): Text {
  return text(`≥${formatPercent(percent)}`, `at least ${formatPercent(percent)}`);
}

/** A share whose part is inside the whole (staff in employees, domestic in total R&D, high-tech in revenue). */
export interface ShareCheck {
  code: string;
  label: Text;
  part: number;
  whole: number;
  minPercent: number;
  unit: 'count' | 'amountFen';
  describe: (actual: Text, minimum: string, shortfall: number) => Text;
}

export function shareOfWholeCondition(check: ShareCheck): RuleCondition {
  const ratio = percentOf(check.part, check.whole);
  const isMet = isAtLeastPercent(check.part, check.whole, check.minPercent);
  // What is added to the part also adds to the whole: the shortfall solves (part + x) / (whole + x) ≥ p.
  const shortfall = shortfallToShareOfWhole(check.part, check.whole, check.minPercent);
  return {
    code: check.code,
    label: check.label,
    status: isMet ? 'met' : 'notMet',
    actual: percentText(ratio),
    required: atLeast(check.minPercent),
    gap: isMet
      ? null
      : {
          text: check.describe(percentText(ratio), formatPercent(check.minPercent), shortfall),
          [check.unit]: shortfall,
        },
  };
}

function yearsText(count: number): Text {
  return text(`${YEARS_ZH[count] ?? count}年`, `${count} year${count === 1 ? '' : 's'}`);
}

/**
 * 第十一条(五): R&D over the accounting years against the band of the latest year's revenue, and the
 * domestic share of it. `windowFigures` is null when an accounting year has no figures.
 */
export function rdConditions(
  policy: HighTechPolicy,
  latest: EnterpriseYearFigures | undefined,
  windowFigures: EnterpriseYearFigures[] | null,
  context: { absentYears: number[]; yearCount: number },
): {
  conditions: RuleCondition[];
  rdIntensity: RdIntensity | null;
  sums: HighTechSums | null;
} {
  const rdLabel = text('近三年研发费用占同期销售收入比例', 'R&D expense share of revenue, last three years');
  const domesticLabel = text('境内研发费用占全部研发费用比例', 'Share of R&D expense spent in China');
  if (!latest || !windowFigures) {
    const bandsText = policy.rdIntensityBands.map((band) => formatPercent(band.minPercent)).join('/');
    return {
      conditions: [
        missingFigures(
          'rdIntensity',
          rdLabel,
          text(`按收入规模${bandsText}`, `${bandsText} by revenue`),
          context.absentYears,
        ),
        missingFigures(
          'domesticRdShare',
          domesticLabel,
          atLeast(policy.minDomesticRdPercent),
          context.absentYears,
        ),
      ],
      rdIntensity: null,
      sums: null,
    };
  }
  const bandIndex = policy.rdIntensityBands.findIndex(
    (band) => band.maxRevenueFen === null || latest.revenueFen <= band.maxRevenueFen,
  );
  const band = policy.rdIntensityBands[bandIndex];
  const bandLabel = rdBandLabel(policy.rdIntensityBands, bandIndex);
  const sum = (field: 'revenueFen' | 'rdExpenseFen' | 'rdExpenseDomesticFen') =>
    windowFigures.reduce((total, figures) => total + figures[field], 0);
  const sums = {
    revenueFen: sum('revenueFen'),
    rdExpenseFen: sum('rdExpenseFen'),
    rdExpenseDomesticFen: sum('rdExpenseDomesticFen'),
  };
  const years = yearsText(context.yearCount);
  const minimum = formatPercent(band.minPercent);
  const ratio = percentOf(sums.rdExpenseFen, sums.revenueFen);
  const isMet = isAtLeastPercent(sums.rdExpenseFen, sums.revenueFen, band.minPercent);
  const amountFen = shortfallToPercent(sums.rdExpenseFen, sums.revenueFen, band.minPercent);
  let gap: RuleGap | null = null;
  if (!isMet && sums.revenueFen === 0) {
    gap = {
      text: text(
        `近${years.zh}无销售收入，无法计算研发费用占比`,
        'No revenue in the accounting years: the R&D share cannot be computed',
      ),
    };
  } else if (!isMet) {
    gap = {
      text: text(
        `研发费用占比${percentText(ratio).zh}，按您的收入规模需≥${minimum}，${years.zh}合计还差${formatShortfallWanYuan(amountFen)}`,
        `R&D share ${percentText(ratio).en}; your revenue size needs ${minimum}: ${formatShortfallYuan(amountFen)} short over ${years.en}`,
      ),
      amountFen,
    };
  }
  const intensity: RuleCondition = {
    code: 'rdIntensity',
    label: rdLabel,
    status: isMet ? 'met' : 'notMet',
    actual: percentText(ratio),
    required: text(`≥${minimum}（${bandLabel.zh}）`, `at least ${minimum} (${bandLabel.en})`),
    gap,
  };
  // Without any R&D the domestic share is undefined; the intensity condition already says what is missing.
  const domestic: RuleCondition =
    sums.rdExpenseFen === 0
      ? {
          code: 'domesticRdShare',
          label: domesticLabel,
          status: 'unknown',
          actual: text('无研发费用', 'no R&D expense'),
          required: atLeast(policy.minDomesticRdPercent),
          gap: null,
        }
      : shareOfWholeCondition({
          code: 'domesticRdShare',
          label: domesticLabel,
          part: sums.rdExpenseDomesticFen,
          whole: sums.rdExpenseFen,
          minPercent: policy.minDomesticRdPercent,
          unit: 'amountFen',
          describe: (actual, minimumShare, shortfall) =>
            text(
              `境内研发费用占比${actual.zh}，需≥${minimumShare}，${years.zh}合计还需增加境内研发费用${formatShortfallWanYuan(shortfall)}`,
              `Domestic R&D share ${actual.en}, ${minimumShare} needed: ${formatShortfallYuan(shortfall)} more R&D in China`,
            ),
        });
  return {
    conditions: [intensity, domestic],
    rdIntensity: { latestRevenueFen: latest.revenueFen, minPercent: band.minPercent, band: bandLabel },
    sums,
  };
}

export function innovationCondition(innovation: InnovationAssessment): RuleCondition {
  const { min, max } = innovation.total;
  const shortPoints = innovation.passAbove + 1 - max;
  return {
    code: 'innovationScore',
    label: text('创新能力评价', 'Innovation capability score'),
    status: innovation.status,
    actual: text(min === max ? `${min}分` : `${min}–${max}分`, min === max ? `${min}` : `${min}–${max}`),
    required: text(`>${innovation.passAbove}分`, `above ${innovation.passAbove}`),
    gap:
      innovation.status === 'notMet'
        ? {
            text: text(
              `创新能力评价最高可得${max}分，需>${innovation.passAbove}分，还差${shortPoints}分`,
              `The innovation score can reach at most ${max}; above ${innovation.passAbove} needed, ${shortPoints} short`,
            ),
            points: shortPoints,
          }
        : null,
  };
}

export function cleanRecordCondition(cleanRecord: boolean | undefined): RuleCondition {
  const label = text(
    '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为',
    'No major incident or violation in the year before',
  );
  return {
    code: 'cleanRecord',
    label,
    status: cleanRecord === undefined ? 'unknown' : cleanRecord ? 'met' : 'notMet',
    actual: cleanRecord === undefined ? null : cleanRecord ? text('是', 'yes') : text('否', 'no'),
    required: text('是', 'yes'),
    gap: cleanRecord === false ? { text: text(`不符合：${label.zh}`, `Not met: ${label.en}`) } : null,
  };
}
