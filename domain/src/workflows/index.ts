import { cultivationPoolWorkflow } from './cultivation-pool';
import { enterpriseVerificationWorkflow } from './enterprise-verification';
import { hteApplicationWorkflow } from './hte-application';
import { planProjectWorkflow } from './plan-project';
import { projectApplicationWorkflow } from './project-application';
import { taskContractWorkflow } from './task-contract';

export * from './cultivation-pool';
export * from './definition';
export * from './enterprise-verification';
export * from './hte-application';
export * from './plan-project';
export * from './project-application';
export * from './task-contract';

/** Every declared lifecycle; the exhaustive workflow test walks each of them. */
export const WORKFLOWS = [
  enterpriseVerificationWorkflow,
  hteApplicationWorkflow,
  cultivationPoolWorkflow,
  projectApplicationWorkflow,
  planProjectWorkflow,
  taskContractWorkflow,
] as const;
