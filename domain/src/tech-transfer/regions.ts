import type { Text } from '../text';

/**
 * Where a contract's buyer is, seen from the district's registry: 吸纳 counts buyers inside the
 * district; the rest splits into the province, elsewhere in the mainland and abroad (港澳台 and
 * foreign, the 登记表's 7100/8000 codes). Ledger imports carry no buyer code: `unknown`.
 */
export const TECH_BUYER_REGIONS = ['district', 'province', 'domestic', 'abroad', 'unknown'] as const;
export type TechBuyerRegion = (typeof TECH_BUYER_REGIONS)[number];

export const TECH_BUYER_REGION_LABELS: Record<TechBuyerRegion, Text> = {
  district: { zh: '本区', en: 'In the district' },
  province: { zh: '省内区外', en: 'In the province' },
  domestic: { zh: '省外', en: 'Elsewhere in China' },
  abroad: { zh: '境外（含港澳台）', en: 'Abroad (incl. HK, Macao, Taiwan)' },
  unknown: { zh: '未填写', en: 'Not stated' },
};

/** Mainland province codes of GB 2260 run from 11 (北京) to 65 (新疆); 71 and above are 港澳台/其它. */
const MAINLAND_MIN = 11;
const MAINLAND_MAX = 65;

/**
 * The region class of a buyer's code (4-digit 登记表 code or 6-digit GB 2260) for a district with
 * the 6-digit `districtCode`. A 4-digit city code (3708) cannot name the district, so it is the province.
 */
export function techBuyerRegionOf(code: string, districtCode: string): TechBuyerRegion {
  const value = code.trim();
  if (!/^\d{4}(\d{2})?$/.test(value)) return 'unknown';
  if (value.length === 6 && value === districtCode) return 'district';
  const province = Number(value.slice(0, 2));
  if (province < MAINLAND_MIN || province > MAINLAND_MAX) return 'abroad';
  return value.slice(0, 2) === districtCode.slice(0, 2) ? 'province' : 'domestic';
}
