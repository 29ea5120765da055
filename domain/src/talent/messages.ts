import { ID_NUMBER_ISSUE_MESSAGES } from '../id-number';
import type { FieldLabels, Text } from '../text';

/** Messages of the talent forms' own checks (`params: { key }`), after the field's label. */
export const TALENT_ISSUE_MESSAGES: Record<string, Text> = {
  ...Object.fromEntries(
    Object.entries(ID_NUMBER_ISSUE_MESSAGES).map(([key, text]) => [
      `talent.${key}`,
      { zh: text.zh, en: text.en },
    ]),
  ),
  'talent.ageImplausible': {
    zh: '：按出生年份计算年龄应在 16–100 岁之间，请核对',
    en: 'gives an age outside 16–100',
  },
  'talent.arrivalBeforeBirth': { zh: '：不能早于出生年份', en: 'cannot be before the birth year' },
  'talent.passportLooksLikeId': {
    zh: '：填写的是身份证号，请将证件类型选为居民身份证',
    en: 'holds an ID-card number: choose the ID card as the document type',
  },
  'talent.passportInvalid': { zh: '：护照号码应为 5–20 位字母或数字', en: 'must be 5–20 letters or digits' },
  'talent.foreignNeedsPassport': {
    zh: '：外籍人才的证件类型应为护照',
    en: 'must be a passport for a foreign talent',
  },
  'talent.foreignFactsRequired': {
    zh: '：外籍人才须填写工作许可评估信息',
    en: 'is required for a foreign talent',
  },
  'talent.domesticNoForeignFacts': {
    zh: '：国内人才不填写外国人工作许可信息',
    en: 'applies to foreign talents only',
  },
  'talent.idBirthYearMismatch': {
    zh: '：与身份证号中的出生年份不一致',
    en: 'does not match the birth year in the ID number',
  },
  'talent.employerRequired': {
    zh: '：请选择工作单位（企业或平台）',
    en: 'needs an employer (an enterprise or a platform)',
  },
  'talent.contactInvalid': {
    zh: '：应为手机号、固定电话或电子邮箱',
    en: 'must be a phone number or an e-mail',
  },
  'talent.duplicateIdNumber': {
    zh: '：该证件号码已在人才台账中登记',
    en: 'is already on the talent ledger',
  },
  'talent.repeated': { zh: '：不能重复选择', en: 'lists an item twice' },
  'talent.alreadyNominated': {
    zh: '：该人才本年度已推荐过这一人才计划',
    en: 'already has a nomination to this programme this year',
  },
  'talent.unknown': { zh: '：不存在', en: 'does not exist' },
  'talent.channelInactive': { zh: '：该引进渠道已停用', en: 'is a channel no longer in use' },
  'talent.linkRequired': {
    zh: '：平台和项目至少选择一项',
    en: 'needs a platform or a project',
  },
  'talent.codeTaken': { zh: '：该标识已被使用', en: 'is already used' },
};

export const TALENT_FIELD_LABELS: FieldLabels = {
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  birthYear: { zh: '出生年份', en: 'Birth year' },
  origin: { zh: '国内/外籍', en: 'Domestic / foreign' },
  nationality: { zh: '国籍', en: 'Nationality' },
  idType: { zh: '证件类型', en: 'Document type' },
  idNumber: { zh: '证件号码', en: 'Document number' },
  degree: { zh: '学历学位', en: 'Degree' },
  title: { zh: '职称', en: 'Title' },
  field: { zh: '专业领域', en: 'Field' },
  employerEnterpriseId: { zh: '工作单位', en: 'Employer' },
  employerPlatformId: { zh: '所在平台', en: 'Platform' },
  position: { zh: '职务/岗位', en: 'Position' },
  arrivalDate: { zh: '来区工作日期', en: 'Arrival date' },
  contact: { zh: '联系方式', en: 'Contact' },
  channelId: { zh: '引进渠道', en: 'Channel' },
  discovery: { zh: '摸排来源', en: 'How found' },
  employmentMode: { zh: '引进方式', en: 'Employment mode' },
  foreign: { zh: '工作许可评估信息', en: 'Work-permit facts' },
  annualSalaryFen: { zh: '年薪', en: 'Annual salary' },
  relevantYears: { zh: '相关工作年限', en: 'Years of experience' },
  workMonths: { zh: '年在华工作月数', en: 'Months a year in China' },
  chineseLevel: { zh: '汉语水平', en: 'Chinese level' },
  aQualifications: { zh: 'A 类认定条件', en: 'A grounds' },
  bonusItems: { zh: '加分项', en: 'Bonus items' },
  skillCertificate: { zh: '职业技能证书', en: 'Skill certificate' },
  languageTeacher: { zh: '外国语言教学', en: 'Language teacher' },
  shortTermOrQuota: { zh: '短期或配额管理', en: 'Short-term or quota' },
  localBonus: { zh: '地方鼓励性加分', en: 'Local bonus' },
  permitNo: { zh: '工作许可证号', en: 'Permit no.' },
  permitValidUntil: { zh: '许可有效期至', en: 'Permit valid until' },
  kind: { zh: '帮扶事项', en: 'Kind of help' },
  helpedOn: { zh: '帮扶日期', en: 'Date' },
  handledBy: { zh: '经办人', en: 'Handled by' },
  outcome: { zh: '办理结果', en: 'Outcome' },
  programmeId: { zh: '人才计划', en: 'Programme' },
  year: { zh: '年度', en: 'Year' },
  nominatedOn: { zh: '推荐日期', en: 'Nominated on' },
  fundingFen: { zh: '资助金额', en: 'Funding' },
  platformId: { zh: '平台', en: 'Platform' },
  projectId: { zh: '项目', en: 'Project' },
  role: { zh: '角色', en: 'Role' },
  note: { zh: '备注', en: 'Note' },
  code: { zh: '标识', en: 'Code' },
  sortOrder: { zh: '排序', en: 'Order' },
  isActive: { zh: '启用', en: 'In use' },
  city: { zh: '城市', en: 'City' },
  averageWageFen: { zh: '上年度平均工资', en: 'Average wage' },
  basis: { zh: '口径', en: 'Basis' },
};
