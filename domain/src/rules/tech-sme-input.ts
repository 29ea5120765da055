// What the 科技型中小企业 evaluation reads, apart from it so the eligibility conditions and the
// evaluation both depend on it and not on each other.
import type { EnterpriseYearFigures } from './enterprise-figures';

/** 第六条(一)(三)(四): attestations, not figures. Left out means not declared yet, which is not a failure. */
export interface TechSmeDeclarations {
  isMainlandResidentEnterprise?: boolean;
  /** Products and services are not in the 禁止、限制和淘汰类. */
  isProductAllowed?: boolean;
  /** No major safety, quality or environmental incident or serious dishonesty, and not on the 异常名录/失信名单. */
  hasCleanRecord?: boolean;
}

export interface TechSmeInput {
  /** The figures of the year before the evaluation (上一年度), accepted by enterpriseYearFiguresSchema. */
  figures: EnterpriseYearFigures;
  /** Codes of the policy's direct qualifications the enterprise holds. */
  directQualifications?: readonly string[];
  declarations?: TechSmeDeclarations;
}
