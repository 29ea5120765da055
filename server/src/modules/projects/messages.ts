import type { Text } from '@kechuang/domain';
import type { MessageCatalogue } from '../../core/message-catalogue';
import { wan, wanEn } from './approval-helpers';

/**
 * What plan projects say to users: refusals naming the field (立项, 任务书, funds, supervision), the
 * subjects of lifecycle notices, and the reminders sent to enterprises and staff.
 */
export const PROJECT_MESSAGES = {
  // 立项
  duplicateItems: { zh: '项目清单：同一项目不能重复出现', en: 'Items: the same application appears twice' },
  approvedAmountMissing: { zh: '拟资助金额：必填，且大于 0', en: 'Approved amount: required, above 0' },
  budgetExceeded: ({
    totalFen,
    budgetFen,
    heldFen,
  }: {
    totalFen: number;
    budgetFen: number;
    heldFen: number;
  }) => ({
    zh: `拟资助金额合计 ${wan(totalFen)}，超出本批次预算 ${wan(budgetFen)} ${wan(totalFen - budgetFen)}（已占用 ${wan(heldFen)}）`,
    en: `The proposed total of ${wanEn(totalFen)} exceeds the call budget of ${wanEn(budgetFen)} by ${wanEn(totalFen - budgetFen)}`,
  }),
  overBudgetBy: ({ overflowFen }: { overflowFen: number }) => ({
    zh: `超出预算 ${wan(overflowFen)}`,
    en: `${wanEn(overflowFen)} over the budget`,
  }),
  applicationSubject: ({ title }: { title: string }) => ({
    zh: `项目申报（${title}）`,
    en: `Application (${title})`,
  }),
  /** `callName` is the call's title without its trailing 申报通知 / 项目申报指南. */
  publicityTitle: ({ callName }: { callName: string }) => ({
    zh: `${callName}拟立项项目公示`,
    en: `Publicity of the projects proposed under ${callName}`,
  }),
  publicityEndedTitle: ({ noticeTitle }: { noticeTitle: string }) => ({
    zh: `公示期已结束：${noticeTitle}`,
    en: `Publicity period ended: ${noticeTitle}`,
  }),
  publicityEndedBody: ({ endOn }: { endOn: string }) => ({
    zh: `公示期已于 ${endOn} 结束，请处理异议后办理立项下达。`,
    en: `The publicity period ended on ${endOn}; resolve the objections, then establish the projects.`,
  }),
  // 任务书
  fiscalSumMismatch: ({ fiscalFen, approvedFen }: { fiscalFen: number; approvedFen: number }) => ({
    zh: `预算表财政资金合计 ${wan(fiscalFen)}，应等于批准资助金额 ${wan(approvedFen)}（相差 ${wan(Math.abs(fiscalFen - approvedFen))}）`,
    en: `The fiscal column adds up to ${wanEn(fiscalFen)}, not the approved ${wanEn(approvedFen)}`,
  }),
  fiscalSumField: {
    zh: '财政资金合计须等于批准资助金额',
    en: 'The fiscal column must equal the approved amount',
  },
  signedScanType: {
    zh: '签字盖章件请上传 PDF、JPG 或 PNG 扫描件',
    en: 'Upload the signed and stamped contract as a PDF, JPG or PNG scan',
  },
  contractSubject: ({ projectNo, title }: { projectNo: string; title: string }) => ({
    zh: `任务书（${projectNo} ${title}）`,
    en: `Contract (${projectNo} ${title})`,
  }),
  numberedProjectSubject: ({ projectNo, title }: { projectNo: string; title: string }) => ({
    zh: `项目（${projectNo} ${title}）`,
    en: `Project (${projectNo} ${title})`,
  }),
  // Funds
  fundsExceeded: ({
    what,
    totalFen,
    approvedFen,
  }: {
    what: Text;
    totalFen: number;
    approvedFen: number;
  }) => ({
    zh: `${what.zh}合计 ${wan(totalFen)}，超过项目批准资助金额 ${wan(approvedFen)} ${wan(totalFen - approvedFen)}`,
    en: `${what.en} add up to ${wanEn(totalFen)}, above the approved ${wanEn(approvedFen)}`,
  }),
  overApprovedBy: ({ overflowFen }: { overflowFen: number }) => ({
    zh: `超出 ${wan(overflowFen)}`,
    en: `${wanEn(overflowFen)} too much`,
  }),
  installments: { zh: '拨付计划', en: 'The installments' },
  payments: { zh: '拨付金额', en: 'Payments' },
  // Supervision
  projectSubject: ({ title }: { title: string }) => ({
    zh: `科技计划项目（${title}）`,
    en: `Plan project (${title})`,
  }),
  acceptanceSubject: ({ title }: { title: string }) => ({
    zh: `科技计划项目（${title}）验收`,
    en: `Acceptance of the plan project (${title})`,
  }),
  noFinalReportYet: { zh: '尚未提交验收材料', en: 'No final report yet' },
  unspentFunds: { zh: '应退回结余资金', en: 'Unspent funds to return' },
  fundsToRecover: { zh: '应追回资金', en: 'Funds to recover' },
  amountRequired: ({ label }: { label: Text }) => ({ zh: `${label.zh}：必填`, en: `${label.en}: required` }),
  amountAboveApproved: ({ label }: { label: Text }) => ({
    zh: `${label.zh}：不能超过立项批准的财政资金`,
    en: `${label.en}: cannot exceed the approved funds`,
  }),
  midTermNotStarted: { zh: '中期检查：项目尚未开始执行', en: 'Mid-term check: the project has not started' },
  attachmentsNotOwned: {
    zh: '附件：文件不存在或不属于本企业，请重新上传',
    en: 'Attachments: a file is missing or not yours',
  },
  // Progress reports
  reportSubject: ({ projectTitle, periodNo }: { projectTitle: string; periodNo: number }) => ({
    zh: `${projectTitle}第 ${periodNo} 期执行情况报告`,
    en: `Progress report ${periodNo} of ${projectTitle}`,
  }),
  reportUrgeTitle: ({ projectTitle }: { projectTitle: string }) => ({
    zh: `请尽快提交执行情况报告：${projectTitle}`,
    en: `Please submit the progress report: ${projectTitle}`,
  }),
  reportUrgeBody: (report: {
    projectNo: string;
    periodNo: number;
    periodStart: string;
    periodEnd: string;
    dueOn: string;
  }) => ({
    zh: `项目 ${report.projectNo} 第 ${report.periodNo} 期执行情况报告（${report.periodStart} 至 ${report.periodEnd}）应于 ${report.dueOn} 前提交，现已逾期，请尽快登录系统提交。`,
    en: `Progress report ${report.periodNo} of project ${report.projectNo} (${report.periodStart} to ${report.periodEnd}) was due on ${report.dueOn}; please sign in and submit it.`,
  }),
  reportDueSoonTitle: ({ projectTitle }: { projectTitle: string }) => ({
    zh: `执行情况报告即将到期：${projectTitle}`,
    en: `Progress report due soon: ${projectTitle}`,
  }),
  reportDueSoonBody: (report: { projectNo: string; periodNo: number; dueOn: string }) => ({
    zh: `项目 ${report.projectNo} 第 ${report.periodNo} 期执行情况报告应于 ${report.dueOn} 前提交。`,
    en: `Progress report ${report.periodNo} of project ${report.projectNo} is due on ${report.dueOn}.`,
  }),
  reportOverdueTitle: ({ projectTitle }: { projectTitle: string }) => ({
    zh: `执行情况报告已逾期：${projectTitle}`,
    en: `Progress report overdue: ${projectTitle}`,
  }),
  reportOverdueBody: (report: { projectNo: string; periodNo: number; dueOn: string }) => ({
    zh: `项目 ${report.projectNo} 第 ${report.periodNo} 期执行情况报告应于 ${report.dueOn} 前提交，至今未提交。`,
    en: `Progress report ${report.periodNo} of project ${report.projectNo} was due on ${report.dueOn} and has not been submitted.`,
  }),
  // Changes
  extensionTaken: {
    zh: '延期：每个项目只能延期一次，本项目已申请过延期',
    en: 'Extension: a project may be extended only once, and this one already was',
  },
  onePrincipal: { zh: '项目成员：只能有一名项目负责人', en: 'Members: only one principal investigator' },
  changeNotInExecution: {
    zh: '变更申请：项目不在执行期内，不能申请变更',
    en: 'Change: the project is not in execution',
  },
  changeNoLongerInExecution: {
    zh: '变更申请：项目已不在执行期内，不能批准变更',
    en: 'Change: the project is no longer in execution',
  },
  changeSubject: ({ projectTitle }: { projectTitle: string }) => ({
    zh: `${projectTitle}变更申请`,
    en: `Change request of ${projectTitle}`,
  }),
  // Acceptance
  rectificationTaken: {
    zh: '整改：每个项目只有一次整改机会，本项目已整改过一次，请作出其他验收结论',
    en: 'Rectification: a project gets one rectification only, and this one has had it',
  },
  targetNotContracted: ({ position }: { position: number }) => ({
    zh: `考核指标完成情况：第 ${position} 项不对应任务书中的指标`,
    en: `Targets: item ${position} is not a contracted target`,
  }),
  targetMissing: ({ name }: { name: string }) => ({
    zh: `考核指标完成情况：缺少「${name}」的完成情况`,
    en: `Targets: "${name}" is missing`,
  }),
  financialCategoryUnknown: ({ position }: { position: number }) => ({
    zh: `经费决算：第 ${position} 行的预算科目不在预算中或重复`,
    en: `Financial statement: row ${position} has an unknown or repeated category`,
  }),
  rectificationDueInPast: { zh: '整改期限：应晚于今天', en: 'Rectification deadline: must be after today' },
} satisfies MessageCatalogue;
