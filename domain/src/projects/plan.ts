import { z } from 'zod';
import type { Text } from '../i18n';

/** 资助方式 of a plan category. */
export const FUNDING_MODES: readonly ({ code: FundingMode } & Text)[] = [
  { code: 'preFunding', zh: '前资助', en: 'Up-front funding' },
  { code: 'postSubsidy', zh: '后补助', en: 'Post-completion subsidy' },
  { code: 'award', zh: '奖励', en: 'Award' },
  { code: 'loanInterest', zh: '贷款贴息', en: 'Loan interest subsidy' },
];
export type FundingMode = 'preFunding' | 'postSubsidy' | 'award' | 'loanInterest';
export const fundingModeSchema = z.enum(['preFunding', 'postSubsidy', 'award', 'loanInterest']);

/** Who owns a call: the district itself, or the city/province with the district recommending. */
export const PLAN_LEVELS: readonly ({ code: PlanLevel } & Text)[] = [
  { code: 'district', zh: '区级', en: 'District' },
  { code: 'city', zh: '市级', en: 'City' },
  { code: 'province', zh: '省级', en: 'Province' },
];
export type PlanLevel = 'district' | 'city' | 'province';
export const planLevelSchema = z.enum(['district', 'city', 'province']);

/** 申报条件 and 限项 rules of a call, as data the bureau sets per call. */
export const callRulesSchema = z.strictObject({
  /** The applicant must hold one of these standings (any of them is enough); empty means anyone verified. */
  requiredStandings: z
    .array(z.enum(['techSme', 'cultivationPool', 'highTech']))
    .max(3)
    .default([]),
  /** 一个企业在同一申报通知下只能申报一项. */
  onePerEnterprise: z.boolean().default(true),
  /** A principal investigator leads at most this many applications per year (across calls). */
  maxApplicationsPerPrincipalPerYear: z.number().int().min(1).max(10).default(1),
  /** …and at most this many running projects, this application included. */
  maxRunningProjectsPerPrincipal: z.number().int().min(1).max(10).default(2),
  /** The most district funding one application may request, in 分. */
  maxRequestFen: z.number().int().min(0).max(100_000_000_000).nullable().default(null),
  /** Applicants may name up to this many experts to exclude from reviewing. */
  maxExcludedExperts: z.number().int().min(0).max(5).default(3),
});
export type CallRules = z.infer<typeof callRulesSchema>;
