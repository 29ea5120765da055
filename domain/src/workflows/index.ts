import { enterpriseVerificationWorkflow } from './enterprise-verification';
import { hteApplicationWorkflow } from './hte-application';

export * from './definition';
export * from './enterprise-verification';
export * from './hte-application';

/** Every declared lifecycle; the exhaustive workflow test walks each of them. */
export const WORKFLOWS = [enterpriseVerificationWorkflow, hteApplicationWorkflow] as const;
