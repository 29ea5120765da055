import type { FieldLabels, Text } from '../text';

/** Messages of the contract form's own checks (`params: { key }`), after the field's label. */
export const TECH_TRANSFER_ISSUE_MESSAGES: Record<string, Text> = {
  'techTransfer.techAboveContract': {
    zh: '：非技术性费用合计超过合同成交额，技术交易额不能大于合同成交额',
    en: 'cannot exceed the contract amount (the non-technical costs add up to more)',
  },
  'techTransfer.paymentsAboveContract': {
    zh: '：各期付款合计不能大于合同成交额',
    en: 'cannot add up to more than the contract amount',
  },
  'techTransfer.termEndBeforeStart': {
    zh: '：应不早于合同起始日期',
    en: 'must not be before the term start',
  },
  'techTransfer.exemptNeedsLink': {
    zh: '：技术咨询、技术服务合同申报免税，须关联同一张发票开具的技术开发或技术转让合同',
    en: 'a consulting or service contract claimed exempt needs a linked development/transfer contract on the same invoice',
  },
  'techTransfer.exemptNeedsSameInvoice': {
    zh: '：技术咨询、技术服务合同申报免税，价款须与关联合同开在同一张发票上',
    en: 'must be on the same invoice as the linked contract to be claimed exempt',
  },
  'techTransfer.neverExempt': {
    zh: '：技术培训、技术中介合同不属于免税范围',
    en: 'training and intermediary contracts are never exempt',
  },
  'techTransfer.registrationNumber': {
    zh: '：格式不正确（14 位数字：年份 2 位、省 2 位、市 2 位、登记点 2 位、序号 6 位）',
    en: 'does not fit the format (14 digits: year, province, city, registry, sequence)',
  },
  'techTransfer.amountNegative': { zh: '：不能为负数', en: 'cannot be negative' },
  'techTransfer.amountFormat': {
    zh: '：应为以万元计的金额（如 12.50）',
    en: 'must be an amount in 10k yuan (e.g. 12.50)',
  },
  'techTransfer.techAboveContractAmount': {
    zh: '：不能大于合同成交额',
    en: 'cannot exceed the contract amount',
  },
  'techTransfer.patternInvalid': { zh: '：不是有效的正则表达式', en: 'is not a valid regular expression' },
  'techTransfer.registeredBeforeSigned': {
    zh: '：不能早于合同签订日期',
    en: 'cannot be before the signing date',
  },
};

export const TECH_CONTRACT_FIELD_LABELS: FieldLabels = {
  title: { zh: '项目名称', en: 'Project title' },
  category: { zh: '合同类别', en: 'Contract category' },
  buyerName: { zh: '买方名称', en: 'Buyer' },
  buyerCreditCode: { zh: '买方统一社会信用代码', en: "Buyer's unified social credit code" },
  buyerRegionCode: { zh: '买方所在地区代码', en: "Buyer's region code" },
  signedOn: { zh: '签订日期', en: 'Signing date' },
  termStartOn: { zh: '合同起始日期', en: 'Term start' },
  termEndOn: { zh: '合同终止日期', en: 'Term end' },
  contractFen: { zh: '合同成交额', en: 'Contract amount' },
  techFen: { zh: '技术交易额', en: 'Technology transaction amount' },
  carrierFen: { zh: '技术载体费用', en: 'Carrier costs' },
  nonTechnicalCosts: { zh: '非技术性费用', en: 'Non-technical costs' },
  kind: { zh: '费用类别', en: 'Cost kind' },
  description: { zh: '说明', en: 'Description' },
  amountFen: { zh: '金额', en: 'Amount' },
  payments: { zh: '付款计划', en: 'Payment schedule' },
  dueOn: { zh: '付款日期', en: 'Due date' },
  linkedContractId: { zh: '关联的技术开发/转让合同', en: 'Linked development/transfer contract' },
  sameInvoice: { zh: '同一张发票开具', en: 'On the same invoice' },
  disputed: { zh: '有争议', en: 'Disputed' },
  exemptionClaimed: { zh: '申报免税', en: 'Exemption claimed' },
  registeredOn: { zh: '登记日期', en: 'Registration date' },
  registrationNo: { zh: '合同登记编号', en: 'Registration number' },
  signedFileId: { zh: '合同文本（PDF）', en: 'Signed contract (PDF)' },
  file: { zh: '合同文本（PDF）', en: 'Signed contract (PDF)' },
  provinceCode: { zh: '省级代码', en: 'Province code' },
  cityCode: { zh: '地市代码', en: 'City code' },
  registryCode: { zh: '登记点代码', en: 'Registry code' },
  pattern: { zh: '编号格式（正则表达式）', en: 'Number pattern (regular expression)' },
  normalDays: { zh: '办理时限（工作日）', en: 'Time limit (working days)' },
  largeOrDisputedDays: {
    zh: '重大或有争议合同办理时限（工作日）',
    en: 'Time limit for large or disputed contracts',
  },
  warnBeforeDays: { zh: '提前预警（工作日）', en: 'Warn before (working days)' },
};
