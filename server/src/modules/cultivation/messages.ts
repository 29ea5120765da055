import type { MessageCatalogue } from '../../core/message-catalogue';

/**
 * What cultivation says to users: refusals naming the field, import row errors, notices and reminders.
 * The import templates' column headers stay in Chinese: they are the bureau's own Excel headers.
 */
export const CULTIVATION_MESSAGES = {
  // Imports
  unknownCreditCode: ({ code }: { code: string }) => ({
    zh: `统一社会信用代码 ${code} 对应的企业不存在，请先导入企业台账`,
    en: `No enterprise with credit code ${code}`,
  }),
  sameEnterpriseAndYearAsRow: ({ earlier }: { earlier: number }) => ({
    zh: `与第 ${earlier} 行的企业和年度重复`,
    en: `Same enterprise and year as row ${earlier}`,
  }),
  registrationNumberYear: ({ year }: { year: number }) => ({
    zh: `入库登记编号应以年度 ${year} 开头`,
    en: `The number does not start with the year ${year}`,
  }),
  sameRegistrationNumberAsRow: ({ earlier }: { earlier: number }) => ({
    zh: `与第 ${earlier} 行的入库登记编号重复`,
    en: `Same number as row ${earlier}`,
  }),
  registrationNumberRegistered: { zh: '该入库登记编号已登记', en: 'Number already registered' },
  sameCertificateNumberAsRow: ({ earlier }: { earlier: number }) => ({
    zh: `与第 ${earlier} 行的证书编号重复`,
    en: `Same number as row ${earlier}`,
  }),
  // Registers, tiers, the cultivation pool
  certificateRecorded: {
    zh: '高新技术企业证书编号：已登记过该证书',
    en: 'Certificate number: already recorded',
  },
  registeredThatYear: ({ year }: { year: number }) => ({
    zh: `入库年度：该企业 ${year} 年已有入库登记`,
    en: `Year: already registered for ${year}`,
  }),
  registrationNumberTaken: {
    zh: '入库登记编号：已被其他入库登记使用',
    en: 'Registration number: already used',
  },
  tierCodeTaken: { zh: '标识：已被其他梯次使用', en: 'Code: already used' },
  tierUnknown: { zh: '梯次：不存在或已停用', en: 'Tier: unknown or retired' },
  tierThatYear: ({ year }: { year: number }) => ({
    zh: `年度：该企业 ${year} 年已有此梯次`,
    en: `Year: already carries this tier in ${year}`,
  }),
  pooledThatYear: ({ year }: { year: number }) => ({
    zh: `培育年度：该企业 ${year} 年已在培育库名单中`,
    en: `Year: the enterprise is already listed for ${year}`,
  }),
  poolSubject: ({ enterpriseName, year }: { enterpriseName: string; year: number }) => ({
    zh: `高企培育库（${enterpriseName}，${year} 年）`,
    en: `High-tech cultivation pool (${enterpriseName}, ${year})`,
  }),
  // 高企 application tracking
  batchNameTaken: { zh: '该年度已有同名批次', en: 'A batch of this name exists in that year' },
  enterpriseRequired: { zh: '所属企业：必填', en: 'Enterprise: required' },
  batchNotFound: { zh: '批次不存在', en: 'No such batch' },
  alreadyTrackedThisYear: {
    zh: '该企业本年度已在申报跟踪中',
    en: 'This enterprise already applies this year',
  },
  helpersMustBeStaff: { zh: '帮扶人员须为在岗的科技局工作人员', en: 'Helpers must be active bureau staff' },
  trackingSubject: ({ enterpriseName, batchName }: { enterpriseName: string; batchName: string }) => ({
    zh: `高企申报（${enterpriseName}，${batchName}）`,
    en: `High-tech application (${enterpriseName}, ${batchName})`,
  }),
  helperAssignedTitle: ({ enterpriseName }: { enterpriseName: string }) => ({
    zh: `高企申报帮扶：${enterpriseName}`,
    en: `High-tech application help: ${enterpriseName}`,
  }),
  helperAssignedBody: {
    zh: '您已被安排为该企业的一对一帮扶人员',
    en: 'You have been assigned to help this enterprise one to one',
  },
  // Certificate reminders
  certificateExpiringTitle: ({ enterpriseName }: { enterpriseName: string }) => ({
    zh: `高新技术企业证书即将到期：${enterpriseName}`,
    en: `High-tech certificate expiring: ${enterpriseName}`,
  }),
  certificateExpiringBody: ({
    certificateNumber,
    expiresOn,
  }: {
    certificateNumber: string;
    expiresOn: string;
  }) => ({
    zh: `证书编号 ${certificateNumber} 将于 ${expiresOn} 到期，请及时准备重新申报认定。`,
    en: `Certificate ${certificateNumber} expires on ${expiresOn}; prepare the application for renewal in time.`,
  }),
} satisfies MessageCatalogue;
