import type { Text } from '../text';

/**
 * Contract categories of the 民法典 (技术许可 separate from 转让), with the sub-type as part of the
 * code so one field carries both; `statCategory` is the class the registration statistics count.
 */
export const TECH_CONTRACT_CATEGORIES = [
  'DEV_COMMISSIONED',
  'DEV_COOPERATIVE',
  'TRANSFER_PATENT',
  'TRANSFER_PATENT_APPLICATION',
  'TRANSFER_TECH_SECRET',
  'TRANSFER_OTHER',
  'LICENSE_PATENT',
  'LICENSE_TECH_SECRET',
  'LICENSE_OTHER',
  'CONSULTING',
  'SERVICE',
  'SERVICE_TRAINING',
  'SERVICE_INTERMEDIARY',
] as const;
export type TechContractCategory = (typeof TECH_CONTRACT_CATEGORIES)[number];

export const TECH_STAT_CATEGORIES = ['development', 'transfer', 'license', 'consulting', 'service'] as const;
export type TechStatCategory = (typeof TECH_STAT_CATEGORIES)[number];

export const TECH_STAT_CATEGORY_LABELS: Record<TechStatCategory, Text> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  license: { zh: '技术许可', en: 'Technology licence' },
  consulting: { zh: '技术咨询', en: 'Technical consulting' },
  service: { zh: '技术服务', en: 'Technical service' },
};

interface CategoryInfo {
  stat: TechStatCategory;
  /** The sub-type as the ledger writes it in brackets, e.g. 技术开发（委托开发）. */
  subType: Text;
}

const CATEGORY_INFO: Record<TechContractCategory, CategoryInfo> = {
  DEV_COMMISSIONED: { stat: 'development', subType: { zh: '委托开发', en: 'commissioned' } },
  DEV_COOPERATIVE: { stat: 'development', subType: { zh: '合作开发', en: 'cooperative' } },
  TRANSFER_PATENT: { stat: 'transfer', subType: { zh: '专利权转让', en: 'patent' } },
  TRANSFER_PATENT_APPLICATION: {
    stat: 'transfer',
    subType: { zh: '专利申请权转让', en: 'patent application' },
  },
  TRANSFER_TECH_SECRET: { stat: 'transfer', subType: { zh: '技术秘密转让', en: 'technical secret' } },
  TRANSFER_OTHER: { stat: 'transfer', subType: { zh: '其他', en: 'other' } },
  LICENSE_PATENT: { stat: 'license', subType: { zh: '专利实施许可', en: 'patent' } },
  LICENSE_TECH_SECRET: { stat: 'license', subType: { zh: '技术秘密使用许可', en: 'technical secret' } },
  LICENSE_OTHER: { stat: 'license', subType: { zh: '其他', en: 'other' } },
  CONSULTING: { stat: 'consulting', subType: { zh: '技术咨询', en: 'consulting' } },
  SERVICE: { stat: 'service', subType: { zh: '技术服务', en: 'service' } },
  SERVICE_TRAINING: { stat: 'service', subType: { zh: '技术培训', en: 'training' } },
  SERVICE_INTERMEDIARY: { stat: 'service', subType: { zh: '技术中介', en: 'intermediary' } },
};

export function statCategoryOf(category: TechContractCategory): TechStatCategory {
  return CATEGORY_INFO[category].stat;
}

/** The sub-type alone (委托开发, 专利实施许可 …), as a form lists it under its class. */
export function techSubTypeLabel(category: TechContractCategory): Text {
  return CATEGORY_INFO[category].subType;
}

/** The categories of one statistics class, in the enum's order. */
export function techCategoriesOf(stat: TechStatCategory): TechContractCategory[] {
  return TECH_CONTRACT_CATEGORIES.filter((category) => CATEGORY_INFO[category].stat === stat);
}

/** 技术开发（委托开发）, 技术服务（技术培训）…: how the ledger and the certificate name a category. */
export function techCategoryLabel(category: TechContractCategory): Text {
  const { stat, subType } = CATEGORY_INFO[category];
  const statLabel = TECH_STAT_CATEGORY_LABELS[stat];
  return { zh: `${statLabel.zh}（${subType.zh}）`, en: `${statLabel.en} (${subType.en})` };
}

/** Reads a ledger's category text (全角 or 半角 brackets) back to the category; null when unknown. */
export function parseTechCategoryLabel(text: string): TechContractCategory | null {
  const normalized = text.trim().replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
  return TECH_CONTRACT_CATEGORIES.find((category) => techCategoryLabel(category).zh === normalized) ?? null;
}

/** The acceptance conditions of the 认定规则, shown to the 登记员 as a checklist per class. */
export const TECH_ACCEPTANCE_CHECKLISTS: Record<TechStatCategory, readonly Text[]> = {
  development: [
    { zh: '有明确的研究开发目标', en: 'A clear research or development goal' },
    {
      zh: '标的为订立合同时尚未掌握的技术方案',
      en: 'The subject is a technical solution not yet mastered when signed',
    },
    { zh: '研究开发工作及其预期成果有技术创新内容', en: 'The work and expected result contain innovation' },
  ],
  transfer: [
    { zh: '标的为已经掌握的技术成果（专利、技术秘密等）', en: 'The subject is an already-mastered result' },
    { zh: '技术成果完整、实用', en: 'The result is complete and practical' },
    { zh: '权属约定明确', en: 'Ownership is clearly agreed' },
  ],
  license: [
    { zh: '标的为已经掌握的技术成果（专利、技术秘密等）', en: 'The subject is an already-mastered result' },
    { zh: '许可范围、方式和期限约定明确', en: 'Scope, manner and term of the licence are agreed' },
  ],
  consulting: [
    { zh: '标的为特定技术项目的咨询课题', en: 'The subject is a consulting topic on a specific project' },
    { zh: '以科学或技术方法进行分析、论证、评价或预测', en: 'Scientific or technical analysis is used' },
    { zh: '成果为咨询报告或意见', en: 'The output is a consulting report or opinion' },
  ],
  service: [
    { zh: '为解决特定技术问题提供专业技术工作', en: 'Professional work that solves a specific problem' },
    { zh: '成果有具体的质量和数量指标', en: 'Results have concrete quality and quantity indicators' },
    { zh: '不涉及专利、技术秘密等权属的转让', en: 'No transfer of IP ownership' },
  ],
};
