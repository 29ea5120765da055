import type { Text } from '../text';

/** 国家 / 省 / 市 / 区: which government issued a policy. */
export const POLICY_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_LEVEL_LABELS: Record<PolicyLevel, Text> = {
  national: { zh: '国家', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  district: { zh: '区级', en: 'District' },
};

/** 主题分类 as the guide groups them (企业培育, 研发投入, 平台载体, 人才, 成果转化, 金融). */
export const POLICY_THEMES = ['cultivation', 'rd', 'platform', 'talent', 'transfer', 'finance'] as const;
export type PolicyTheme = (typeof POLICY_THEMES)[number];

export const POLICY_THEME_LABELS: Record<PolicyTheme, Text> = {
  cultivation: { zh: '企业培育', en: 'Enterprise growth' },
  rd: { zh: '研发投入', en: 'R&D input' },
  platform: { zh: '平台载体', en: 'Platforms' },
  talent: { zh: '人才', en: 'Talent' },
  transfer: { zh: '成果转化', en: 'Technology transfer' },
  finance: { zh: '科技金融', en: 'Finance' },
};

/** 有效性 as shown on a record: derived from the lifecycle state and the 有效期. */
export const POLICY_VALIDITIES = ['draft', 'valid', 'not-yet', 'expired', 'repealed'] as const;
export type PolicyValidity = (typeof POLICY_VALIDITIES)[number];

export const POLICY_VALIDITY_LABELS: Record<PolicyValidity, Text> = {
  draft: { zh: '未发布', en: 'Not published' },
  valid: { zh: '有效', en: 'In force' },
  'not-yet': { zh: '尚未施行', en: 'Not yet in force' },
  expired: { zh: '已失效', en: 'Expired' },
  repealed: { zh: '已废止', en: 'Repealed' },
};

/** 减免 / 奖补 / 权益 / 资质 (川办函〔2024〕17号's classes). */
export const POLICY_ITEM_TYPES = ['relief', 'award', 'benefit', 'qualification'] as const;
export type PolicyItemType = (typeof POLICY_ITEM_TYPES)[number];

export const POLICY_ITEM_TYPE_LABELS: Record<PolicyItemType, Text> = {
  relief: { zh: '减免类', en: 'Relief' },
  award: { zh: '奖补类', en: 'Award' },
  benefit: { zh: '权益类', en: 'Benefit' },
  qualification: { zh: '资质类', en: 'Qualification' },
};

/** 免申即享 / 快申快享 / 依法定程序. */
export const FULFIL_MODES = ['no-application', 'fast-application', 'statutory'] as const;
export type FulfilMode = (typeof FULFIL_MODES)[number];

export const FULFIL_MODE_LABELS: Record<FulfilMode, Text> = {
  'no-application': { zh: '免申即享', en: 'Paid without application' },
  'fast-application': { zh: '快申快享', en: 'Fast application' },
  statutory: { zh: '依申请（法定程序）', en: 'Statutory procedure' },
};

/**
 * The 发文字号 pattern 机关代字〔年份〕序号号 (济政发〔2025〕8号): hexagonal brackets only.
 * 财政部 税务总局 科技部公告2022年第28号 style numbers are allowed too.
 */
export const DOCUMENT_NUMBER_PATTERN = /^[\u4e00-\u9fa5A-Za-z]{1,30}(〔\d{4}〕\d{1,4}号|\d{4}年第\d{1,4}号)$/;

/** 索引号: the issuing body's 统一社会信用代码 (or its organisation code), `/`, year, `-`, sequence. */
export const INDEX_NUMBER_PATTERN = /^[0-9A-Z]{9,18}\/\d{4}-\d{3,6}$/;
