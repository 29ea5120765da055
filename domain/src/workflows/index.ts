import { cultivationPoolWorkflow } from './cultivation-pool';
import { enterpriseVerificationWorkflow } from './enterprise-verification';

export * from './cultivation-pool';
export * from './definition';
export * from './enterprise-verification';

/** Every declared lifecycle; the exhaustive workflow test walks each of them. */
export const WORKFLOWS = [enterpriseVerificationWorkflow, cultivationPoolWorkflow] as const;
