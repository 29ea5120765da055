import { z } from 'zod';
import type { Text } from '../i18n';

/** 预算科目 (after the 2021 simplification of central fund management). */
export const BUDGET_CATEGORIES: readonly ({ code: BudgetCategory } & Text)[] = [
  { code: 'equipment', zh: '设备费', en: 'Equipment' },
  { code: 'business', zh: '业务费', en: 'Operating costs' },
  { code: 'labour', zh: '劳务费', en: 'Labour' },
  { code: 'indirect', zh: '间接费用', en: 'Indirect costs' },
];
export type BudgetCategory = 'equipment' | 'business' | 'labour' | 'indirect';

/** 经费来源: the district's funding requested, the enterprise's own money, and other sources. */
export const FUNDING_SOURCES: readonly ({ code: FundingSource } & Text)[] = [
  { code: 'fiscalFen', zh: '申请财政资金', en: 'District funding' },
  { code: 'selfRaisedFen', zh: '自筹资金', en: 'Self-raised' },
  { code: 'otherFen', zh: '其他资金', en: 'Other' },
];
export type FundingSource = 'fiscalFen' | 'selfRaisedFen' | 'otherFen';

export const TEAM_ROLES: readonly ({ code: TeamRole } & Text)[] = [
  { code: 'principal', zh: '项目负责人', en: 'Principal investigator' },
  { code: 'core', zh: '核心骨干', en: 'Core member' },
  { code: 'member', zh: '参与人员', en: 'Member' },
];
export type TeamRole = 'principal' | 'core' | 'member';

const fen = z.number().int().min(0).max(100_000_000_000);
const shortText = z.string().trim().max(200);

export const teamMemberSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  role: z.enum(['principal', 'core', 'member']),
  /** 身份证号; required for the principal (限项 rules), masked in answers. */
  idNumber: z.string().trim().max(18).nullable().default(null),
  title: shortText.default(''),
  organisation: shortText.default(''),
  /** 投入工作量 in person-months per year. */
  workloadMonths: z.number().min(0).max(12),
  task: z.string().trim().max(500).default(''),
});

export const budgetRowSchema = z.strictObject({
  category: z.enum(['equipment', 'business', 'labour', 'indirect']),
  fiscalFen: fen,
  selfRaisedFen: fen,
  otherFen: fen,
});

export const milestoneSchema = z.strictObject({
  dueOn: z.string().max(10),
  description: z.string().trim().min(1).max(500),
});

/** 考核指标: measurable, checked target by target at acceptance. */
export const targetSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['technical', 'economic', 'other']),
  unit: z.string().trim().max(20).default(''),
  value: z.string().trim().min(1).max(50),
});

export const attachmentRefSchema = z.strictObject({
  fileId: z.number().int().positive(),
  /** e.g. `businessLicence`, `financialReport`, `ipProof`, `other`. */
  kind: z.string().max(40),
});

/**
 * The 申报书 as the enterprise fills it. Drafts may be partial (autosave); submission runs the
 * full check, whose errors block and whose warnings do not.
 */
export const applicationContentSchema = z.strictObject({
  basics: z
    .strictObject({
      title: z.string().trim().max(100).default(''),
      industry: z.string().max(40).nullable().default(null),
      summary: z.string().trim().max(3000).default(''),
      startOn: z.string().max(10).nullable().default(null),
      endOn: z.string().max(10).nullable().default(null),
      partners: z
        .array(z.strictObject({ name: shortText, creditCode: z.string().max(18).nullable().default(null) }))
        .max(10)
        .default([]),
    })
    .default({ title: '', industry: null, summary: '', startOn: null, endOn: null, partners: [] }),
  team: z.array(teamMemberSchema).max(50).default([]),
  budget: z
    .strictObject({
      rows: z.array(budgetRowSchema).max(10).default([]),
      totals: z.strictObject({ fiscalFen: fen, selfRaisedFen: fen, otherFen: fen }).nullable().default(null),
    })
    .default({ rows: [], totals: null }),
  milestones: z.array(milestoneSchema).max(30).default([]),
  targets: z.array(targetSchema).max(50).default([]),
  attachments: z.array(attachmentRefSchema).max(30).default([]),
  /**
   * "平台+项目+人才" of a talent-programme call: the person on the talent ledger (employed by the
   * applicant, or introduced by it onto the ledger), one of its platforms and one of its plan projects,
   * all picked from the registries. Null on other calls.
   */
  talentBundle: z
    .strictObject({
      talentId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
      platformId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
      projectId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
      role: shortText.default(''),
    })
    .nullable()
    .default(null),
  /** Experts the applicant asks to be excluded from reviewing (回避申请), by name and organisation. */
  excludedExperts: z
    .array(
      z.strictObject({ name: z.string().trim().min(1).max(50), organisation: shortText, reason: shortText }),
    )
    .max(5)
    .default([]),
});
export type ApplicationContent = z.infer<typeof applicationContentSchema>;
