// What the 高企 conditions read and the sums they share, apart from the evaluation so the condition
// helpers and the evaluation both depend on it and not on each other.
import type { Text } from '../text';
import type { EnterpriseYearFigures } from './enterprise-figures';
import type { ExpertGrades } from './high-tech-innovation';

export interface HighTechInput {
  /** Yearly figures accepted by enterpriseYearFiguresSchema; years outside the accounting window are ignored. */
  figures: readonly EnterpriseYearFigures[];
  /** 注册成立日期, YYYY-MM-DD. */
  registeredOn: string;
  /** The (planned) application date, YYYY-MM-DD; the accounting years are the ones before its year. */
  applicationDate: string;
  /** Code of the 《国家重点支持的高新技术领域》 field of the core technology; null: none fits; left out: not chosen yet. */
  technologyField?: string | null;
  /** The IP gives core technical support to the main products or services (an expert's judgement). */
  hasCoreIpSupport?: boolean;
  /** No major safety or quality incident or serious environmental violation in the year before applying. */
  hasCleanRecord?: boolean;
  expertGrades?: ExpertGrades;
}

export interface HighTechSums {
  revenueFen: number;
  rdExpenseFen: number;
  rdExpenseDomesticFen: number;
}

/** The R&D intensity the latest year's revenue calls for. */
export interface RdIntensity {
  latestRevenueFen: number;
  minPercent: number;
  band: Text;
}
