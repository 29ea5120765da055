import { INDUSTRIES } from '../dictionaries/enterprise';
import type { Text } from '../i18n';

/**
 * 学科 (after GB/T 13745 first-level groups, the ones a district's calls touch), next to the district's
 * industries: an expert's fields and an item's fields are codes from both lists together.
 */
export const DISCIPLINES: readonly ({ code: string } & Text)[] = [
  { code: 'd-mechanical', zh: '机械工程', en: 'Mechanical engineering' },
  { code: 'd-electrical', zh: '电气工程', en: 'Electrical engineering' },
  { code: 'd-electronics', zh: '电子与通信技术', en: 'Electronics and communications' },
  { code: 'd-computer', zh: '计算机科学技术', en: 'Computer science' },
  { code: 'd-chemical', zh: '化学工程', en: 'Chemical engineering' },
  { code: 'd-materials', zh: '材料科学', en: 'Materials science' },
  { code: 'd-energy', zh: '能源科学技术', en: 'Energy science' },
  { code: 'd-environment', zh: '环境科学技术', en: 'Environmental science' },
  { code: 'd-biology', zh: '生物学', en: 'Biology' },
  { code: 'd-pharmacy', zh: '药学', en: 'Pharmacy' },
  { code: 'd-clinical', zh: '临床医学', en: 'Clinical medicine' },
  { code: 'd-agronomy', zh: '农学', en: 'Agronomy' },
  { code: 'd-food', zh: '食品科学技术', en: 'Food science' },
  { code: 'd-mining', zh: '矿山工程技术', en: 'Mining engineering' },
  { code: 'd-management', zh: '管理学', en: 'Management' },
  { code: 'd-finance', zh: '财务与会计', en: 'Finance and accounting' },
];

export const EXPERT_FIELDS: readonly ({ code: string } & Text)[] = [...INDUSTRIES, ...DISCIPLINES];
export const EXPERT_FIELD_CODES = EXPERT_FIELDS.map((field) => field.code);

export function labelExpertField(code: string): Text {
  const found = EXPERT_FIELDS.find((field) => field.code === code);
  return found ? { zh: found.zh, en: found.en } : { zh: code, en: code };
}

/** 138****5678; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}

/** a***@example.com */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}
