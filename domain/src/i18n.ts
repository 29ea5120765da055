import type { z } from 'zod';
import { INDICATOR_ISSUE_MESSAGES } from './indicators/messages';
import { PLATFORM_ISSUE_MESSAGES } from './platforms/messages';
import { POLICY_ISSUE_MESSAGES } from './policies/messages';
import { RULE_ISSUE_MESSAGES } from './rules/enterprise-figures';
import { SERVICES_ISSUE_MESSAGES } from './services/messages';
import { MONTHLY_OUTPUT_ISSUE_MESSAGES } from './statistics/monthly-output';
import { TALENT_ISSUE_MESSAGES } from './talent/messages';
import { TECH_MATCHING_ISSUE_MESSAGES } from './tech-transfer/matching-messages';
import { TECH_TRANSFER_ISSUE_MESSAGES } from './tech-transfer/messages';
import type { FieldLabels, Language, Text } from './text';

export type { FieldLabels, Language, Text } from './text';

export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function translate(text: Text, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** Messages of the API's error shape, by error code. */
export const ERROR_MESSAGES = {
  badRequest: { zh: '请求内容有误', en: 'The request is invalid' },
  validation: { zh: '填写内容有误，请检查标记的字段', en: 'Some fields are invalid' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  sessionExpired: { zh: '登录已超时，请重新登录', en: 'Your session has expired, please sign in again' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  notFound: { zh: '记录不存在或无权查看', en: 'Not found' },
  versionConflict: {
    zh: '该记录已被他人修改，请刷新后再提交',
    en: 'This record was changed by someone else; reload and try again',
  },
  duplicate: { zh: '记录已存在', en: 'This record already exists' },
  idempotencyMismatch: {
    zh: '同一幂等键已用于不同的请求内容',
    en: 'This Idempotency-Key was used with a different request',
  },
  invalidCredentials: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  accountLocked: {
    zh: '连续登录失败次数过多，账号已锁定 30 分钟',
    en: 'Too many failed sign-ins; the account is locked for 30 minutes',
  },
  loginThrottled: {
    zh: '本地址登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-ins from this address; try again later',
  },
  registrationThrottled: {
    zh: '本地址注册次数过多，请一小时后再试',
    en: 'Too many registrations from this address; try again in an hour',
  },
  accountDisabled: { zh: '账号已停用', en: 'This account is disabled' },
  passwordChangeRequired: { zh: '首次登录请先修改初始密码', en: 'Please change your initial password first' },
  secondFactorRequired: {
    zh: '请输入动态验证码（或一个恢复码）',
    en: 'Enter the code from your authenticator app (or a recovery code)',
  },
  invalidSecondFactor: { zh: '动态验证码或恢复码不正确', en: 'The code or recovery code is wrong' },
  secondFactorReused: {
    zh: '该动态验证码已使用过，请等待验证器显示下一个验证码',
    en: 'This code has already been used; wait for the next code in your authenticator',
  },
  secondFactorEnrolmentRequired: {
    zh: '您的角色须启用动态验证码（双因素认证），请先完成绑定',
    en: 'Your role requires a second factor; set up your authenticator first',
  },
  secondFactorAlreadyEnabled: {
    zh: '已启用动态验证码，如需更换请先停用或联系安全管理员重置',
    en: 'The second factor is already on; turn it off or ask the security administrator to reset it first',
  },
  secondFactorNotStarted: {
    zh: '请先生成绑定二维码，再输入验证码',
    en: 'Start the set-up (QR code) before entering a code',
  },
  secondFactorNotEnabled: { zh: '尚未启用动态验证码', en: 'The second factor is not on' },
  secondFactorRequiredByRole: {
    zh: '您的角色须启用动态验证码，不能停用；如需更换设备请联系安全管理员重置',
    en: 'Your role requires a second factor, so it cannot be turned off; ask the security administrator to reset it',
  },
  wrongOldPassword: { zh: '原密码不正确', en: 'The current password is wrong' },
  passwordReused: { zh: '新密码不能与原密码相同', en: 'The new password must differ from the current one' },
  transitionNotAllowed: {
    zh: '当前状态下不能执行该操作',
    en: 'This action is not available in the current state',
  },
  commentRequired: { zh: '请填写意见', en: 'Please give an opinion' },
  payloadTooLarge: { zh: '提交内容过大', en: 'The request is too large' },
  rateLimited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  overloaded: { zh: '系统繁忙，请稍后再试', en: 'The system is busy, try again later' },
  databaseUnavailable: {
    zh: '数据库暂时无法连接，请稍后再试；已保存的内容不会丢失',
    en: 'The database cannot be reached just now; try again shortly. Nothing saved is lost',
  },
  importNotXlsx: { zh: '请上传 Excel 文件（.xlsx）', en: 'Please upload an Excel file (.xlsx)' },
  importTooLarge: {
    zh: '文件过大（不超过 10 MB、5 万行）',
    en: 'The file is too large (10 MB, 50,000 rows at most)',
  },
  fileMissing: { zh: '请选择要上传的文件', en: 'Please choose a file to upload' },
  fileTypeNotAllowed: {
    zh: '文件类型不符：仅接受 PDF、Word（.docx/.doc）、JPG、PNG，且扩展名须与文件内容一致',
    en: 'File type not accepted: PDF, Word (.docx/.doc), JPG or PNG only, with an extension that matches the content',
  },
  fileTooLarge: { zh: '文件过大（不超过 20 MB）', en: 'The file is too large (20 MB at most)' },
  reviewConflict: {
    zh: '该专家与评审项目存在回避情形，不能分配',
    en: 'The expert has a conflict of interest with this item',
  },
  reviewInfeasible: {
    zh: '无法满足分配条件，未作任何更改',
    en: 'The assignment cannot meet its constraints; nothing was changed',
  },
  reviewDeadlinePassed: {
    zh: '评审截止时间已过，需工作人员重新开放后才能提交',
    en: 'The review deadline has passed; staff must reopen the sheet first',
  },
  reviewSheetLocked: { zh: '评分表已提交，不能修改', en: 'The sheet has been submitted and is read-only' },
  reviewNotAccepted: { zh: '请先接受评审邀请', en: 'Please accept the invitation first' },
  reviewRoundLocked: {
    zh: '评审轮次当前状态下不能修改分配',
    en: 'The round cannot be changed in its current state',
  },
  reviewJobStale: {
    zh: '试分配之后评审轮次已有变化，请重新试分配',
    en: 'The round changed after the dry run; run it again',
  },
  reviewIncomplete: {
    zh: '还有专家未提交评分，不能结束评审',
    en: 'Some experts have not submitted their sheets yet',
  },
  budgetExceeded: { zh: '拟资助金额合计超出本批次预算', en: 'The proposed amounts exceed the call budget' },
  approvedAmountRequired: { zh: '请填写拟资助金额', en: 'Please give the approved amount' },
  publicityNotEnded: { zh: '公示期尚未结束，不能立项下达', en: 'The publicity period has not ended yet' },
  objectionsOpen: {
    zh: '公示期内有未处理的异议，请先处理异议再立项下达',
    en: 'Resolve the open objections before establishing',
  },
  objectionResolved: { zh: '该异议已处理', en: 'This objection is already resolved' },
  budgetSumMismatch: {
    zh: '预算表财政资金合计须等于批准资助金额',
    en: 'The fiscal column must add up to the approved amount',
  },
  contractNotEditable: {
    zh: '任务书已下达，请先退回修订再修改',
    en: 'Take the contract back for revision first',
  },
  fundsExceeded: { zh: '金额合计超过项目批准资助金额', en: 'The amounts exceed the approved funding' },
  callNotOpen: { zh: '申报尚未开始，请在申报开始时间后提交', en: 'The call is not open yet' },
  callClosed: { zh: '申报已截止，不能再提交或修改', en: 'The call has closed; nothing can be submitted' },
  callNotPublished: { zh: '申报通知未发布或已结束', en: 'The call is not published' },
  resubmissionNotAllowed: {
    zh: '本通知不允许提交后撤回修改',
    en: 'This call does not allow reopening a submitted application',
  },
  submissionCheckFailed: {
    zh: '申报书有未通过的检查项，请按提示修改后再提交',
    en: 'The application has errors; correct them and submit again',
  },
  applicationNotEditable: {
    zh: '申报书已提交，当前状态下不能修改',
    en: 'The application cannot be edited now',
  },
  notUpstreamCall: {
    zh: '只有市级、省级计划的申报才需推荐上级',
    en: 'Only city or province calls are recommended',
  },
  grantedAmountRequired: { zh: '请填写上级立项资助金额', en: 'Please give the amount granted' },
  categoryInactive: { zh: '该计划类别已停用', en: 'This plan category is inactive' },
  internal: { zh: '系统错误，请联系管理员', en: 'Internal error, please contact the administrator' },
  extensionAlreadyUsed: {
    zh: '每个项目只能延期一次，本项目已申请过延期',
    en: 'A project may be extended only once, and this one already was',
  },
  rectificationAlreadyUsed: {
    zh: '每个项目只有一次整改机会，本项目已整改过一次，请作出其他验收结论',
    en: 'A project gets one rectification only, and this one has had it',
  },
  techContractNotEditable: {
    zh: '合同已提交，当前状态下不能修改（退回补正后可修改）',
    en: 'The contract cannot be edited in its current state',
  },
  techContractNotPdf: {
    zh: '合同文本（PDF）：文件内容不是 PDF，请上传签字盖章合同的 PDF 扫描件',
    en: 'Signed contract (PDF): the file is not a PDF',
  },
  techContractRegisteredBeforeSigned: {
    zh: '登记日期：不能早于合同签订日期',
    en: 'Registration date: cannot be before the signing date',
  },
  techContractFileMissing: {
    zh: '请先上传签字盖章的合同文本（PDF）',
    en: 'Please upload the signed contract (PDF) first',
  },
  workCalendarMissing: {
    zh: '工作日历尚未发布或未设置，无法按工作日计算期限',
    en: 'The working-day calendar is not published or set, so the deadline cannot be counted',
  },
  projectNotInExecution: {
    zh: '项目不在执行期内，不能办理此事项',
    en: 'The project is not in execution',
  },
  techListingNotEditable: {
    zh: '已发布或已关闭的需求、成果不能修改（待审核或被退回时可修改）',
    en: 'A published or closed listing cannot be edited',
  },
  techEventFull: { zh: '报名人数已满', en: 'The event is full' },
  techEventSignupClosed: { zh: '报名已截止', en: 'Sign-up has closed' },
  eventOutsideAudience: { zh: '不在活动的报名范围内', en: 'Outside the event’s audience' },
  techMatchingContractNotRegistered: {
    zh: '技术合同：须为已认定登记的技术合同',
    en: 'Technology contract: must be a registered contract',
  },
  talentErased: {
    zh: '该人员信息已按本人要求删除，不能再查看、导出或修改个人信息',
    en: 'This person’s data was erased on request',
  },
} satisfies Record<string, Text>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Labels of fields as users know them; validation messages name the field with these. */
export const FIELD_LABELS: Record<string, Text> = {
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  name: { zh: '名称', en: 'Name' },
  contactName: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  contactEmail: { zh: '联系邮箱', en: 'Contact email' },
  password: { zh: '密码', en: 'Password' },
  oldPassword: { zh: '原密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  username: { zh: '用户名', en: 'User name' },
  displayName: { zh: '姓名', en: 'Full name' },
  role: { zh: '角色', en: 'Role' },
  industry: { zh: '所属行业', en: 'Industry' },
  street: { zh: '所属街道/镇', en: 'Street / town' },
  address: { zh: '地址', en: 'Address' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  size: { zh: '企业规模', en: 'Size' },
  registeredCapitalFen: { zh: '注册资本', en: 'Registered capital' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  businessScope: { zh: '经营范围', en: 'Business scope' },
  version: { zh: '版本号', en: 'Version' },
  comment: { zh: '意见', en: 'Opinion' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  sort: { zh: '排序字段', en: 'Sort field' },
  order: { zh: '排序方向', en: 'Sort order' },
  keyword: { zh: '关键词', en: 'Keyword' },
  status: { zh: '状态', en: 'Status' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  streets: { zh: '街道/镇', en: 'Streets / towns' },
  year: { zh: '年度', en: 'Year' },
  holidays: { zh: '节假日', en: 'Holidays' },
  workdays: { zh: '调休工作日', en: 'Make-up working days' },
  idleTimeoutMinutes: { zh: '空闲超时（分钟）', en: 'Idle timeout (minutes)' },
  auditRetentionDays: { zh: '审计日志保留天数', en: 'Audit retention (days)' },
  projectNumberPattern: { zh: '项目编号格式', en: 'Project number format' },
  enterpriseId: { zh: '所属企业', en: 'Enterprise' },
  departmentId: { zh: '所属单位', en: 'Department' },
  from: { zh: '开始时间', en: 'From' },
  to: { zh: '结束时间', en: 'To' },
  event: { zh: '事件', en: 'Event' },
  actor: { zh: '操作人', en: 'Actor' },
  action: { zh: '操作', en: 'Action' },
  id: { zh: '编号', en: 'ID' },
  approvedFen: { zh: '资助金额', en: 'Approved amount' },
  amountFen: { zh: '金额', en: 'Amount' },
  applicationId: { zh: '申报项目', en: 'Application' },
  items: { zh: '项目清单', en: 'Items' },
  documentNo: { zh: '文号', en: 'Document no.' },
  bankName: { zh: '贷款银行', en: 'Bank' },
  loanFen: { zh: '贷款金额', en: 'Loan amount' },
  compensationFen: { zh: '补偿金额', en: 'Compensation' },
  paidOn: { zh: '拨付日期', en: 'Paid on' },
  plannedOn: { zh: '计划拨付日期', en: 'Planned date' },
  voucherNo: { zh: '凭证号', en: 'Voucher no.' },
};

/** Messages of our own refinements, raised with `params: { key }`. */
export const CUSTOM_ISSUE_MESSAGES: Record<string, Text> = {
  'uscc.length': { zh: '应为 18 位', en: 'must be 18 characters' },
  'uscc.characters': {
    zh: '含有不允许的字符（只能是数字和除 I、O、Z、S、V 外的大写字母）',
    en: 'contains characters that are not allowed',
  },
  'uscc.checkDigit': { zh: '校验位不正确，请核对', en: 'has a wrong check digit' },
  'password.weak': {
    zh: '至少 8 位，且包含大写字母、小写字母、数字、符号中的三类',
    en: 'needs at least 8 characters from three of: upper case, lower case, digits, symbols',
  },
  'phone.invalid': { zh: '格式不正确（手机号或带区号的固定电话）', en: 'is not a valid phone number' },
  'date.future': { zh: '不能晚于今天', en: 'cannot be in the future' },
  'date.invalid': { zh: '不是有效日期（格式 2021-06-30）', en: 'is not a valid date (2021-06-30)' },
  'call.closesBeforeOpen': { zh: '：应晚于申报开始时间', en: 'must be after the opening time' },
  'call.reviewBeforeClose': { zh: '：应晚于申报截止时间', en: 'must be after the closing time' },
  'streets.duplicate': { zh: '有重复项', en: 'has duplicates' },
  'roles.duplicate': { zh: '有重复的角色', en: 'names a role twice' },
  'projectNumber.noSeq': {
    zh: '：须含流水号 {seq}，否则同年项目编号会重复',
    en: 'needs the running number {seq}, or numbers of one year would repeat',
  },
  'projectNumber.unknownPlaceholder': {
    zh: '：只能使用 {year}、{category}、{seq} 或 {seq:位数}',
    en: 'may only use {year}, {category}, {seq} or {seq:digits}',
  },
  'projectNumber.unclosedBrace': { zh: '：花括号未成对', en: 'has an unmatched brace' },
  'projectNumber.repeatedPlaceholder': {
    zh: '：每个占位符只能出现一次',
    en: 'may use each placeholder only once',
  },
  'projectNumber.adjacentPlaceholders': {
    zh: '：{category}、{seq} 须与其他占位符之间有分隔字符',
    en: 'needs a separator between {category} or {seq} and another placeholder',
  },
  'projectNumber.badSeqWidth': { zh: '：流水号位数应为 1–8', en: 'needs a running number of 1–8 digits' },
  'projectNumber.badCharacter': { zh: '：不能含空格', en: 'cannot contain spaces' },
  'role.enterpriseRequired': {
    zh: '：企业用户必须选择所属企业',
    en: ': an enterprise user needs an enterprise',
  },
  'role.departmentRequired': {
    zh: '：责任单位用户必须选择所属单位',
    en: ': a department user needs a department',
  },
  ...RULE_ISSUE_MESSAGES,
  ...MONTHLY_OUTPUT_ISSUE_MESSAGES,
  ...TECH_TRANSFER_ISSUE_MESSAGES,
  ...INDICATOR_ISSUE_MESSAGES,
  ...TECH_MATCHING_ISSUE_MESSAGES,
  ...PLATFORM_ISSUE_MESSAGES,
  ...SERVICES_ISSUE_MESSAGES,
  ...TALENT_ISSUE_MESSAGES,
  ...POLICY_ISSUE_MESSAGES,
};

export const ENTERPRISE_FIELD_LABELS: FieldLabels = { name: { zh: '企业名称', en: 'Enterprise name' } };
export const DISTRICT_FIELD_LABELS: FieldLabels = { name: { zh: '区县名称', en: 'District name' } };
export const SECOND_FACTOR_FIELD_LABELS: FieldLabels = {
  code: { zh: '动态验证码', en: 'Authenticator code' },
  secondFactorRoles: { zh: '须启用动态验证码的角色', en: 'Roles that need a second factor' },
};

function fieldLabel(path: readonly PropertyKey[], language: Language, labels?: FieldLabels): string {
  const names = path.filter((part): part is string => typeof part === 'string');
  const last = names[names.length - 1];
  const label = last ? (labels?.[last] ?? FIELD_LABELS[last]) : undefined;
  if (label) return translate(label, language);
  return path.length ? path.join('.') : language === 'en' ? 'Request' : '请求';
}

/** One zod issue as a sentence in the user's language that names the field. */
export function describeIssue(issue: z.core.$ZodIssue, language: Language, labels?: FieldLabels): string {
  const field = fieldLabel(issue.path, language, labels);
  const zh = language !== 'en';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return zh ? `${field}：必填` : `${field}: required`;
      return zh ? `${field}：类型不正确` : `${field}: wrong type`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? zh
            ? `${field}：必填`
            : `${field}: required`
          : zh
            ? `${field}：至少 ${issue.minimum} 个字符`
            : `${field}: at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array')
        return zh ? `${field}：至少 ${issue.minimum} 项` : `${field}: at least ${issue.minimum} items`;
      return zh ? `${field}：不能小于 ${issue.minimum}` : `${field}: must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return zh
          ? `${field}：最多 ${issue.maximum} 个字符`
          : `${field}: at most ${issue.maximum} characters`;
      if (issue.origin === 'array')
        return zh ? `${field}：最多 ${issue.maximum} 项` : `${field}: at most ${issue.maximum} items`;
      return zh ? `${field}：不能大于 ${issue.maximum}` : `${field}: must be at most ${issue.maximum}`;
    case 'invalid_format':
      return zh ? `${field}：格式不正确` : `${field}: invalid format`;
    case 'invalid_value':
      return zh ? `${field}：取值不在允许范围内` : `${field}: not an allowed value`;
    case 'unrecognized_keys':
      return zh ? `不允许的字段：${issue.keys.join('、')}` : `Fields not allowed: ${issue.keys.join(', ')}`;
    case 'custom': {
      const key = (issue.params as { key?: string } | undefined)?.key;
      const message = key ? CUSTOM_ISSUE_MESSAGES[key] : undefined;
      if (message) return zh ? `${field}${message.zh}` : `${field} ${message.en}`;
      return zh ? `${field}：不正确` : `${field}: invalid`;
    }
    default:
      return zh ? `${field}：不正确` : `${field}: invalid`;
  }
}
