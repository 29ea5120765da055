import type { Text } from '../i18n';
import { findIdNumberProblem, ID_NUMBER_ISSUE_MESSAGES, normalizeIdNumber } from '../id-number';
import {
  type ApplicationContent,
  BUDGET_CATEGORIES,
  FUNDING_SOURCES,
  type FundingSource,
} from './application-content';
import type { CallRules } from './plan';

/** One finding of the submission check, at the path of the field (e.g. `budget.totals.fiscalFen`). */
export interface SubmissionIssue {
  path: string;
  message: Text;
}

export interface SubmissionCheck {
  /** Block submission. */
  errors: SubmissionIssue[];
  /** Shown to the applicant; submission goes ahead. */
  warnings: SubmissionIssue[];
}

export type Standing = 'techSme' | 'cultivationPool' | 'highTech';
export const STANDING_LABELS: Record<Standing, Text> = {
  techSme: { zh: '科技型中小企业', en: 'tech-based SME' },
  cultivationPool: { zh: '高企培育库入库企业', en: 'high-tech cultivation pool member' },
  highTech: { zh: '高新技术企业', en: 'high-tech enterprise' },
};

/** What the server knows about the applicant when it runs the check. */
export interface SubmissionFacts {
  standings: readonly Standing[];
  /** Other applications the principal leads this year, in any call, already submitted. */
  principalApplicationsThisYear: number;
  /** Running projects the principal leads now. */
  principalRunningProjects: number;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
function isDate(value: string | null | undefined): value is string {
  if (!value || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Exact to the 分, since a one-分 difference is still a mismatch. */
const wan = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
const sourceLabel = (source: FundingSource) => FUNDING_SOURCES.find((item) => item.code === source)!;
const categoryLabel = (code: string) => BUDGET_CATEGORIES.find((item) => item.code === code)?.zh ?? code;

/** Sum of one funding source over the budget rows. */
export function sumBudgetColumn(content: ApplicationContent, source: FundingSource): number {
  return content.budget.rows.reduce((sum, row) => sum + row[source], 0);
}

/** District funding requested: the fiscal column's total as filled, else the rows' sum. */
export function requestedFiscalFen(content: ApplicationContent): number {
  return content.budget.totals?.fiscalFen ?? sumBudgetColumn(content, 'fiscalFen');
}

/**
 * The submission check of a 申报书: what blocks it (errors) and what the applicant should look at
 * (warnings). Every finding names its field so the form can mark it.
 */
export function checkApplicationSubmission(
  content: ApplicationContent,
  options: { rules: CallRules; year: number; facts: SubmissionFacts; today?: Date },
): SubmissionCheck {
  const { rules, facts } = options;
  const errors: SubmissionIssue[] = [];
  const warnings: SubmissionIssue[] = [];
  const error = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });
  const warn = (path: string, zh: string, en: string) => warnings.push({ path, message: { zh, en } });

  // 申报条件
  if (
    rules.requiredStandings.length > 0 &&
    !rules.requiredStandings.some((standing) => facts.standings.includes(standing))
  ) {
    const names = rules.requiredStandings.map((standing) => STANDING_LABELS[standing]);
    error(
      'eligibility',
      `申报条件：申报单位须为${names.map((name) => name.zh).join('或')}`,
      `Eligibility: the applicant must be a ${names.map((name) => name.en).join(' or ')}`,
    );
  }

  // 基本信息
  const { basics } = content;
  if (!basics.title) error('basics.title', '项目名称：必填', 'Project title: required');
  if (!basics.summary) error('basics.summary', '项目简介：必填', 'Summary: required');
  else if (basics.summary.length < 50)
    warn('basics.summary', '项目简介：内容较少（不足 50 字）', 'Summary: rather short (under 50 characters)');
  const hasStart = isDate(basics.startOn);
  const hasEnd = isDate(basics.endOn);
  if (!hasStart)
    error('basics.startOn', '项目开始日期：必填，格式 2021-01-01', 'Start date: required (2021-01-01)');
  if (!hasEnd)
    error('basics.endOn', '项目结束日期：必填，格式 2022-12-31', 'End date: required (2022-12-31)');
  if (hasStart && hasEnd) {
    if (basics.endOn! <= basics.startOn!) {
      error('basics.endOn', '项目结束日期：应晚于开始日期', 'End date: must be after the start date');
    } else {
      const start = new Date(`${basics.startOn}T00:00:00Z`);
      const end = new Date(`${basics.endOn}T00:00:00Z`);
      const months =
        (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
      if (months > 36)
        warn(
          'basics.endOn',
          '项目结束日期：实施期超过 3 年',
          'End date: the project runs longer than 3 years',
        );
    }
    if (Number(basics.startOn!.slice(0, 4)) < options.year)
      warn(
        'basics.startOn',
        `项目开始日期：早于申报年度 ${options.year} 年`,
        `Start date: before the call year ${options.year}`,
      );
  }

  // 项目团队
  const principals = content.team
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => member.role === 'principal');
  if (principals.length === 0)
    error('team', '项目团队：须有一名项目负责人', 'Team: a principal investigator is required');
  if (principals.length > 1)
    error(
      `team.${principals[1].index}.role`,
      '项目团队：只能有一名项目负责人',
      'Team: only one principal investigator',
    );
  const principal = principals[0];
  if (principal) {
    const path = `team.${principal.index}.idNumber`;
    const idNumber = principal.member.idNumber ? normalizeIdNumber(principal.member.idNumber) : '';
    const problem = idNumber ? findIdNumberProblem(idNumber, options.today) : null;
    if (!idNumber) error(path, '项目负责人身份证号：必填', 'Principal’s ID number: required');
    else if (problem) {
      const message = ID_NUMBER_ISSUE_MESSAGES[`idNumber.${problem}`];
      error(path, `项目负责人身份证号：${message.zh}`, `Principal’s ID number ${message.en}`);
    } else {
      if (facts.principalApplicationsThisYear + 1 > rules.maxApplicationsPerPrincipalPerYear)
        error(
          path,
          `限项：项目负责人本年度已牵头申报 ${facts.principalApplicationsThisYear} 项，每年最多 ${rules.maxApplicationsPerPrincipalPerYear} 项`,
          `Limit: the principal already leads ${facts.principalApplicationsThisYear} applications this year (at most ${rules.maxApplicationsPerPrincipalPerYear})`,
        );
      if (facts.principalRunningProjects + 1 > rules.maxRunningProjectsPerPrincipal)
        error(
          path,
          `限项：项目负责人在研项目 ${facts.principalRunningProjects} 项，连同本项不得超过 ${rules.maxRunningProjectsPerPrincipal} 项`,
          `Limit: the principal runs ${facts.principalRunningProjects} projects; with this one at most ${rules.maxRunningProjectsPerPrincipal}`,
        );
    }
  }
  content.team.forEach((member, index) => {
    if (member.role !== 'principal' && member.idNumber && findIdNumberProblem(member.idNumber, options.today))
      warn(
        `team.${index}.idNumber`,
        `项目成员身份证号（${member.name}）：格式或校验位不正确`,
        `Member ID number (${member.name}) looks wrong`,
      );
  });
  const workload = content.team.reduce((sum, member) => sum + member.workloadMonths, 0);
  if (content.team.length > 0 && workload === 0)
    warn('team', '项目团队：投入工作量合计为 0', 'Team: total workload is 0');

  // 预算
  const { budget } = content;
  if (budget.rows.length === 0)
    error('budget.rows', '经费预算：至少填写一个预算科目', 'Budget: at least one row');
  const seen = new Set<string>();
  budget.rows.forEach((row, index) => {
    if (seen.has(row.category))
      error(
        `budget.rows.${index}.category`,
        `经费预算第 ${index + 1} 行：预算科目“${categoryLabel(row.category)}”重复`,
        `Budget row ${index + 1}: category repeated`,
      );
    seen.add(row.category);
  });
  if (!budget.totals) {
    if (budget.rows.length > 0) error('budget.totals', '经费预算合计：必填', 'Budget totals: required');
  } else {
    for (const source of FUNDING_SOURCES) {
      const column = sumBudgetColumn(content, source.code);
      const filled = budget.totals[source.code];
      if (column !== filled)
        error(
          `budget.totals.${source.code}`,
          `经费预算合计（${source.zh}）：填写 ${wan(filled)}，与各科目之和 ${wan(column)} 不一致`,
          `Budget total (${source.en}): ${wan(filled)} does not equal the rows' sum ${wan(column)}`,
        );
    }
  }
  const fiscal = requestedFiscalFen(content);
  if (budget.rows.length > 0 && fiscal <= 0)
    error('budget.totals.fiscalFen', '申请财政资金：应大于 0', 'District funding requested: must be above 0');
  if (rules.maxRequestFen !== null && fiscal > rules.maxRequestFen) {
    error(
      'budget.totals.fiscalFen',
      `申请财政资金：${wan(fiscal)} 超过本通知单项上限 ${wan(rules.maxRequestFen)}`,
      `District funding requested: ${wan(fiscal)} exceeds the call's maximum ${wan(rules.maxRequestFen)}`,
    );
    budget.rows.forEach((row, index) => {
      if (row.fiscalFen > rules.maxRequestFen!)
        error(
          `budget.rows.${index}.fiscalFen`,
          `经费预算第 ${index + 1} 行（${categoryLabel(row.category)}）申请财政资金超过单项上限`,
          `Budget row ${index + 1}: district funding exceeds the maximum`,
        );
    });
  }
  const selfRaised = budget.totals?.selfRaisedFen ?? sumBudgetColumn(content, 'selfRaisedFen');
  if (fiscal > 0 && selfRaised < fiscal)
    warn(
      'budget.totals.selfRaisedFen',
      `${sourceLabel('selfRaisedFen').zh}：低于申请财政资金（一般要求自筹不低于财政资金）`,
      'Self-raised funds are below the district funding requested',
    );
  budget.rows.forEach((row, index) => {
    if (row.category === 'indirect' && fiscal > 0 && row.fiscalFen * 5 > fiscal)
      warn(
        `budget.rows.${index}.fiscalFen`,
        `经费预算第 ${index + 1} 行（间接费用）：超过申请财政资金的 20%`,
        `Budget row ${index + 1} (indirect): more than 20% of district funding`,
      );
  });

  // 进度安排
  if (content.milestones.length === 0)
    error('milestones', '进度安排：至少填写一个阶段', 'Milestones: at least one');
  content.milestones.forEach((milestone, index) => {
    const path = `milestones.${index}.dueOn`;
    if (!isDate(milestone.dueOn))
      error(
        path,
        `进度安排第 ${index + 1} 项完成日期：格式应为 2021-06-30`,
        `Milestone ${index + 1}: invalid date`,
      );
    else if (
      hasStart &&
      hasEnd &&
      basics.endOn! > basics.startOn! &&
      (milestone.dueOn < basics.startOn! || milestone.dueOn > basics.endOn!)
    )
      error(
        path,
        `进度安排第 ${index + 1} 项完成日期：应在项目实施期内`,
        `Milestone ${index + 1}: outside the project period`,
      );
  });

  // 考核指标
  if (content.targets.length === 0) error('targets', '考核指标：至少填写一项', 'Targets: at least one');
  else if (!content.targets.some((target) => target.kind === 'technical'))
    warn('targets', '考核指标：没有技术指标', 'Targets: no technical target');

  if (content.attachments.length === 0)
    warn('attachments', '附件：未上传任何附件（营业执照、财务报表等）', 'Attachments: none uploaded');
  if (content.excludedExperts.length > rules.maxExcludedExperts)
    error(
      'excludedExperts',
      `申请回避专家：最多 ${rules.maxExcludedExperts} 名`,
      `Excluded experts: at most ${rules.maxExcludedExperts}`,
    );
  return { errors, warnings };
}
