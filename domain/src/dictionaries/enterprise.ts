import type { Text } from '../i18n';

/** Industries of the district's strategic emerging industries (seed §一) and Shandong's 十强产业. */
export const INDUSTRIES: readonly ({ code: string } & Text)[] = [
  { code: 'it', zh: '新一代信息技术', en: 'Next-generation IT' },
  { code: 'fine-chemicals', zh: '精细化工', en: 'Fine chemicals' },
  { code: 'food-medicine', zh: '食品医药', en: 'Food and medicine' },
  { code: 'advanced-manufacturing', zh: '高端制造', en: 'Advanced manufacturing' },
  { code: 'high-end-equipment', zh: '高端装备', en: 'High-end equipment' },
  { code: 'new-energy-materials', zh: '新能源新材料', en: 'New energy and materials' },
  { code: 'health', zh: '医养健康', en: 'Health care' },
  { code: 'modern-agriculture', zh: '现代高效农业', en: 'Modern agriculture' },
  { code: 'culture-creative', zh: '文化创意', en: 'Culture and creative' },
  { code: 'tech-services', zh: '科技服务', en: 'Technology services' },
];

export const ENTERPRISE_SIZES: readonly ({ code: string } & Text)[] = [
  { code: 'large', zh: '大型', en: 'Large' },
  { code: 'medium', zh: '中型', en: 'Medium' },
  { code: 'small', zh: '小型', en: 'Small' },
  { code: 'micro', zh: '微型', en: 'Micro' },
];

export function labelOf(
  list: readonly ({ code: string } & Text)[],
  code: string | null | undefined,
): Text | null {
  return list.find((item) => item.code === code) ?? null;
}
