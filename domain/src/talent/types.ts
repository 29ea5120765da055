/** The labels of the talent ledger's coded fields. */
export const TALENT_GENDERS = ['male', 'female'] as const;
export type TalentGender = (typeof TALENT_GENDERS)[number];
export const TALENT_ORIGINS = ['domestic', 'foreign'] as const;
export type TalentOrigin = (typeof TALENT_ORIGINS)[number];
export const TALENT_ID_TYPES = ['id-card', 'passport'] as const;
export type TalentIdType = (typeof TALENT_ID_TYPES)[number];
export const EMPLOYMENT_MODES = ['fulltime', 'flexible'] as const;
export type EmploymentMode = (typeof EMPLOYMENT_MODES)[number];
/** 全程帮扶: the matters help is given with. */
export const HELP_KINDS = ['housing', 'schooling', 'spouse', 'permit', 'funding', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const PROGRAMME_LEVELS = ['district', 'city', 'province', 'national'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const TALENT_GENDER_LABELS: Labels<TalentGender> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};
export const TALENT_ORIGIN_LABELS: Labels<TalentOrigin> = {
  domestic: { zh: '国内人才', en: 'Domestic' },
  foreign: { zh: '外籍人才', en: 'Foreign' },
};
export const TALENT_ID_TYPE_LABELS: Labels<TalentIdType> = {
  'id-card': { zh: '居民身份证', en: 'ID card' },
  passport: { zh: '护照', en: 'Passport' },
};
export const TALENT_DEGREE_LABELS = {
  doctor: { zh: '博士', en: 'Doctorate' },
  master: { zh: '硕士', en: 'Master' },
  bachelor: { zh: '学士', en: 'Bachelor' },
  other: { zh: '其他', en: 'Other' },
} as const;
export const EMPLOYMENT_MODE_LABELS: Labels<EmploymentMode> = {
  fulltime: { zh: '全职引进', en: 'Full-time' },
  flexible: { zh: '柔性引进', en: 'Flexible' },
};
export const HELP_KIND_LABELS: Labels<HelpKind> = {
  housing: { zh: '住房保障', en: 'Housing' },
  schooling: { zh: '子女入学', en: "Children's schooling" },
  spouse: { zh: '配偶就业', en: 'Spouse employment' },
  permit: { zh: '证照办理', en: 'Permits' },
  funding: { zh: '资金兑现', en: 'Funding' },
  other: { zh: '其他', en: 'Other' },
};
export const PROGRAMME_LEVEL_LABELS: Labels<ProgrammeLevel> = {
  district: { zh: '区级', en: 'District' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};
