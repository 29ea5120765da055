import { statCategoryOf, TECH_CONTRACT_CATEGORIES, TECH_STAT_CATEGORY_LABELS } from '@kechuang/domain';

/** SQL naming a contract's statistics class (技术开发, 技术转让…) from its category code, for breakdowns. */
export const TECH_CONTRACT_CATEGORY_SQL_LABEL = `case r0.category ${TECH_CONTRACT_CATEGORIES.map(
  (category) => `when '${category}' then '${TECH_STAT_CATEGORY_LABELS[statCategoryOf(category)].zh}'`,
).join(' ')} else r0.category end`;
