import { INDUSTRIES } from '../dictionaries/enterprise';
import { HIGH_TECH_POLICY_2016 } from '../rules/high-tech-policy';
import type { Text } from '../text';

type Entry<C extends string> = { code: C } & Text;

/** 高新技术领域 (8 classes of 《国家重点支持的高新技术领域》), the field every need and result carries. */
export const TECH_FIELDS: readonly Entry<string>[] = HIGH_TECH_POLICY_2016.technologyFields.map((field) => ({
  code: field.code,
  zh: field.label.zh,
  en: field.label.en,
}));
export const TECH_FIELD_CODES = TECH_FIELDS.map((field) => field.code) as [string, ...string[]];

/** The district's industry chains (新一代信息技术, 精细化工 …), optional beside the field. */
export const TECH_INDUSTRY_CODES = INDUSTRIES.map((industry) => industry.code) as [string, ...string[]];

export const INSTITUTION_KINDS = ['university', 'institute', 'new-rd', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, Text> = {
  university: { zh: '高校', en: 'University' },
  institute: { zh: '科研院所', en: 'Research institute' },
  'new-rd': { zh: '新型研发机构', en: 'New R&D institution' },
  other: { zh: '其他', en: 'Other' },
};

export const TECH_NEED_VISIBILITIES = ['public', 'matched'] as const;
export type TechNeedVisibility = (typeof TECH_NEED_VISIBILITIES)[number];
export const TECH_NEED_VISIBILITY_LABELS: Record<TechNeedVisibility, Text> = {
  public: { zh: '公开发布', en: 'Public' },
  matched: { zh: '仅对接方可见', en: 'Matched parties only' },
};

/** 《促进科技成果转化法》第十六条 modes a result is offered in (自行实施 is not offered to others). */
export const TRANSACTION_MODES = ['transfer', 'license', 'equity', 'cooperation'] as const;
export type TransactionMode = (typeof TRANSACTION_MODES)[number];
export const TRANSACTION_MODE_LABELS: Record<TransactionMode, Text> = {
  transfer: { zh: '转让', en: 'Transfer' },
  license: { zh: '许可', en: 'Licence' },
  equity: { zh: '作价入股', en: 'Equity contribution' },
  cooperation: { zh: '合作开发', en: 'Joint development' },
};

export const IP_KINDS = [
  'invention-patent',
  'utility-model',
  'design-patent',
  'software-copyright',
  'ic-layout',
  'plant-variety',
  'know-how',
  'none',
] as const;
export type IpKind = (typeof IP_KINDS)[number];
export const IP_KIND_LABELS: Record<IpKind, Text> = {
  'invention-patent': { zh: '发明专利', en: 'Invention patent' },
  'utility-model': { zh: '实用新型专利', en: 'Utility model' },
  'design-patent': { zh: '外观设计专利', en: 'Design patent' },
  'software-copyright': { zh: '软件著作权', en: 'Software copyright' },
  'ic-layout': { zh: '集成电路布图设计', en: 'IC layout design' },
  'plant-variety': { zh: '植物新品种', en: 'Plant variety' },
  'know-how': { zh: '技术秘密', en: 'Know-how' },
  none: { zh: '无', en: 'None' },
};

/** 技术成熟度 TRL 1–9 (the generic ladder; GB/T 22900's own wording was not retrieved). */
export const TRL_LABELS: Record<number, Text> = {
  1: { zh: 'TRL1 发现基本原理', en: 'TRL1 principles observed' },
  2: { zh: 'TRL2 形成技术概念', en: 'TRL2 concept formulated' },
  3: { zh: 'TRL3 概念验证', en: 'TRL3 proof of concept' },
  4: { zh: 'TRL4 实验室验证', en: 'TRL4 lab validation' },
  5: { zh: 'TRL5 相关环境验证', en: 'TRL5 relevant-environment validation' },
  6: { zh: 'TRL6 样机演示', en: 'TRL6 prototype demonstration' },
  7: { zh: 'TRL7 实际环境演示', en: 'TRL7 operational demonstration' },
  8: { zh: 'TRL8 系统定型', en: 'TRL8 system qualified' },
  9: { zh: 'TRL9 实际应用', en: 'TRL9 proven in operation' },
};

/** The marketplace stage a TRL falls in (小试≈TRL4–5, 中试≈TRL6–7, 量产≈TRL8–9). */
export function stageOfTrl(trl: number): Text {
  if (trl <= 3) return { zh: '正在研发', en: 'In research' };
  if (trl <= 5) return { zh: '通过小试', en: 'Lab-scale tested' };
  if (trl <= 7) return { zh: '通过中试', en: 'Pilot-scale tested' };
  return { zh: '可以量产', en: 'Ready for production' };
}

export function labelOfCode(list: readonly Entry<string>[], code: string | null | undefined): string {
  return list.find((entry) => entry.code === code)?.zh ?? '';
}
