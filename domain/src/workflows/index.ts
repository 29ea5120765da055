import { cultivationPoolWorkflow } from './cultivation-pool';
import { enterpriseVerificationWorkflow } from './enterprise-verification';
import { hteApplicationWorkflow } from './hte-application';
import { planCallWorkflow } from './plan-call';
import { planProjectWorkflow } from './plan-project';
import { projectApplicationWorkflow } from './project-application';

export * from './cultivation-pool';
export * from './definition';
export * from './enterprise-verification';
export * from './hte-application';
export * from './plan-call';
export * from './plan-project';
export * from './project-application';

/** Every declared lifecycle; the exhaustive workflow test walks each of them. */
export const WORKFLOWS = [
  enterpriseVerificationWorkflow,
  hteApplicationWorkflow,
  cultivationPoolWorkflow,
  projectApplicationWorkflow,
  planProjectWorkflow,
  planCallWorkflow,
] as const;
