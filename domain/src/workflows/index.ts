import { cultivationPoolWorkflow } from './cultivation-pool';
import { enterpriseVerificationWorkflow } from './enterprise-verification';
import { expertWorkflow } from './expert';
import { hteApplicationWorkflow } from './hte-application';
import { planCallWorkflow } from './plan-call';
import { planProjectWorkflow } from './plan-project';
import { platformWorkflow } from './platform';
import { platformApplicationWorkflow } from './platform-application';
import { evaluationRoundWorkflow, platformEvaluationWorkflow } from './platform-evaluation';
import { policyWorkflow } from './policy';
import { policyApplicationWorkflow } from './policy-application';
import { policyPayoutWorkflow } from './policy-payout';
import { projectApplicationWorkflow } from './project-application';
import { projectChangeWorkflow } from './project-change';
import { progressReportWorkflow } from './project-progress-report';
import { reviewRoundWorkflow } from './review-round';
import { serviceProblemWorkflow } from './service-problem';
import { talentProgrammeWorkflow } from './talent-programme';
import { taskContractWorkflow } from './task-contract';
import { techContractWorkflow } from './tech-contract';
import { techMatchingWorkflow, techNeedWorkflow, techResultWorkflow } from './tech-matching';

export * from './cultivation-pool';
export * from './definition';
export * from './enterprise-verification';
export * from './expert';
export * from './hte-application';
export * from './plan-call';
export * from './plan-project';
export * from './platform';
export * from './platform-application';
export * from './platform-evaluation';
export * from './policy';
export * from './policy-application';
export * from './policy-payout';
export * from './project-application';
export * from './project-change';
export * from './project-progress-report';
export * from './review-round';
export * from './service-problem';
export * from './talent-programme';
export * from './task-contract';
export * from './tech-contract';
export * from './tech-matching';

/** Every declared lifecycle; the exhaustive workflow test walks each of them. */
export const WORKFLOWS = [
  enterpriseVerificationWorkflow,
  hteApplicationWorkflow,
  cultivationPoolWorkflow,
  projectApplicationWorkflow,
  planProjectWorkflow,
  expertWorkflow,
  reviewRoundWorkflow,
  projectChangeWorkflow,
  progressReportWorkflow,
  taskContractWorkflow,
  planCallWorkflow,
  techContractWorkflow,
  techNeedWorkflow,
  techResultWorkflow,
  techMatchingWorkflow,
  platformWorkflow,
  platformApplicationWorkflow,
  evaluationRoundWorkflow,
  platformEvaluationWorkflow,
  serviceProblemWorkflow,
  talentProgrammeWorkflow,
  policyWorkflow,
  policyPayoutWorkflow,
  policyApplicationWorkflow,
] as const;
