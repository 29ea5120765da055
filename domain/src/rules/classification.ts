import type { Text } from '../i18n';
import type { EnterpriseYearFigures } from './enterprise-figures';
import { evaluateHighTech, type HighTechEvaluation, type HighTechInput } from './high-tech-enterprise';
import { HIGH_TECH_POLICY_2016, type HighTechPolicy } from './high-tech-policy';
import type { RuleCondition } from './rule-result';
import { text } from './rule-text';
import { evaluateTechSme, type TechSmeEvaluation, type TechSmeInput } from './tech-sme-evaluation';
import { TECH_SME_POLICY_2017, type TechSmePolicy } from './tech-sme-policy';

/**
 * 摸底调查: where an enterprise stands against each target. `close` means exactly one condition fails;
 * conditions that cannot be decided yet (declarations, expert judgement) are listed to confirm, not counted.
 */
export type ClassificationLevel = 'qualified' | 'close' | 'far';

export interface TargetClassification {
  level: ClassificationLevel;
  /** The failing conditions. */
  missing: RuleCondition[];
  /** Conditions still to confirm by declaration, expert review or more figures. */
  toConfirm: RuleCondition[];
  /** What to do, most important first, each with the amount where the rules give one. */
  measures: Text[];
}

export interface EnterpriseClassification {
  techSme: TargetClassification & { evaluation: TechSmeEvaluation | null };
  highTech: TargetClassification & { evaluation: HighTechEvaluation };
}

export interface ClassificationInput {
  figures: readonly EnterpriseYearFigures[];
  /** 注册成立日期, YYYY-MM-DD. */
  registeredOn: string;
  /** The survey date: it stands for the 高企 application date and picks last year's figures for 科技型中小企业. */
  asOf: string;
  /** A 高企 certificate in its validity: already qualified as 高企, and a direct qualification for 科技型中小企业. */
  hasValidHighTechCertificate?: boolean;
  techSme?: Omit<TechSmeInput, 'figures'>;
  highTech?: Omit<HighTechInput, 'figures' | 'registeredOn' | 'applicationDate'>;
  policies?: { techSme?: TechSmePolicy; highTech?: HighTechPolicy };
}

/** Size limits cannot be worked towards: an enterprise over them is outside the 科技型中小企业 scheme. */
const TECH_SME_SIZE_CONDITIONS = new Set(['mainlandResident', 'employees', 'revenue', 'totalAssets']);

const TECH_SME_ADVICE: Record<string, Text> = {
  mainlandResident: text(
    '仅境内注册的居民企业可参评',
    'Only resident enterprises registered in mainland China qualify',
  ),
  employees: text(
    '规模超出科技型中小企业范围，宜对标高新技术企业培育',
    'Too large for the scheme; aim for high-tech recognition',
  ),
  revenue: text(
    '规模超出科技型中小企业范围，宜对标高新技术企业培育',
    'Too large for the scheme; aim for high-tech recognition',
  ),
  totalAssets: text(
    '规模超出科技型中小企业范围，宜对标高新技术企业培育',
    'Too large for the scheme; aim for high-tech recognition',
  ),
  productsAllowed: text(
    '调整产品和服务，退出禁止、限制和淘汰类',
    'Move products out of the prohibited, restricted or obsolete lists',
  ),
  cleanRecord: text('完成整改、修复信用后再参评', 'Rectify and restore credit before applying'),
  totalScore: text('提高综合评价得分', 'Raise the total score'),
  sciTechStaffScore: text('增加科技人员或规范科技人员认定', 'Add S&T staff or record them properly'),
};

const HIGH_TECH_ADVICE: Record<string, Text> = {
  registeredYears: text('注册成立满一年后申报', 'Apply once registered for a year'),
  ipOwnership: text(
    '通过自主研发或受让取得发明专利、软件著作权等知识产权',
    'Obtain invention patents, software copyrights or other IP through own R&D or acquisition',
  ),
  technologyField: text(
    '对照《国家重点支持的高新技术领域》梳理主营产品的核心技术',
    'Map the core technology of the main products to the supported fields',
  ),
  sciTechStaffShare: text(
    '增加研发人员，规范科技人员认定（累计工作满183天）',
    'Add R&D staff and record S&T staff properly (183 days)',
  ),
  rdIntensity: text(
    '加大研发投入，按加计扣除口径设立研发费用辅助账',
    'Spend more on R&D and keep an R&D sub-ledger',
  ),
  domesticRdShare: text('提高境内研发投入比重', 'Spend more of the R&D in China'),
  highTechRevenueShare: text(
    '单独核算高新技术产品（服务）收入，提高其比重',
    'Account for high-tech revenue separately and raise it',
  ),
  innovationScore: text(
    '加强知识产权布局、科技成果转化和研发组织管理',
    'Strengthen IP, conversion of results and R&D management',
  ),
  cleanRecord: text('事故或违法满一年后再申报', 'Apply a year after the incident or violation'),
};

function measureOf(advice: Record<string, Text>, condition: RuleCondition): Text {
  const base = advice[condition.code] ?? condition.label;
  if (!condition.gap) return base;
  return text(`${base.zh}：${condition.gap.text.zh}`, `${base.en}: ${condition.gap.text.en}`);
}

function figuresMissing(years: number[]): Text {
  return text(`填报${years.join('、')}年度数据`, `File the figures for ${years.join(', ')}`);
}

function classifyTechSme(input: ClassificationInput, asOfYear: number): EnterpriseClassification['techSme'] {
  const figures = input.figures.find((item) => item.year === asOfYear - 1);
  if (!figures) {
    return {
      level: 'far',
      missing: [],
      toConfirm: [],
      measures: [figuresMissing([asOfYear - 1])],
      evaluation: null,
    };
  }
  const held = [...(input.techSme?.directQualifications ?? [])];
  if (input.hasValidHighTechCertificate) held.push('highTechCertificate');
  const evaluation = evaluateTechSme(
    { ...input.techSme, figures, directQualifications: held },
    input.policies?.techSme ?? TECH_SME_POLICY_2017,
  );
  const missing = evaluation.conditions.filter((condition) => condition.status === 'notMet');
  const toConfirm = evaluation.conditions.filter((condition) => condition.status === 'unknown');
  const isOutOfScope = missing.some((condition) => TECH_SME_SIZE_CONDITIONS.has(condition.code));
  const level: ClassificationLevel = evaluation.qualified
    ? 'qualified'
    : missing.length === 1 && !isOutOfScope
      ? 'close'
      : 'far';
  const measures = [
    ...missing.map((condition) => measureOf(TECH_SME_ADVICE, condition)),
    ...evaluation.improvements.map((improvement) => improvement.text),
  ];
  return { level, missing, toConfirm, measures, evaluation };
}

function classifyHighTech(input: ClassificationInput): EnterpriseClassification['highTech'] {
  const evaluation = evaluateHighTech(
    {
      ...input.highTech,
      figures: input.figures,
      registeredOn: input.registeredOn,
      applicationDate: input.asOf,
    },
    input.policies?.highTech ?? HIGH_TECH_POLICY_2016,
  );
  const missing = evaluation.conditions.filter((condition) => condition.status === 'notMet');
  const toConfirm = evaluation.conditions.filter((condition) => condition.status === 'unknown');
  const measures = missing.map((condition) => measureOf(HIGH_TECH_ADVICE, condition));
  if (evaluation.missingYears.length) measures.unshift(figuresMissing(evaluation.missingYears));
  if (input.hasValidHighTechCertificate)
    return { level: 'qualified', missing, toConfirm, measures, evaluation };
  // Without every accounting year the figures cannot show how close the enterprise is.
  const isIncomplete = evaluation.years.length === 0 || evaluation.missingYears.length > 0;
  const level: ClassificationLevel =
    missing.length === 0 && !isIncomplete
      ? 'qualified'
      : missing.length === 1 && !isIncomplete
        ? 'close'
        : 'far';
  return { level, missing, toConfirm, measures, evaluation };
}

/** Classify one enterprise against both targets; run over a list for the survey. Pure. */
export function classifyEnterprise(input: ClassificationInput): EnterpriseClassification {
  const asOfYear = Number(input.asOf.slice(0, 4));
  return { techSme: classifyTechSme(input, asOfYear), highTech: classifyHighTech(input) };
}
