import { z } from 'zod';
import { dateSchema, listQuerySchema, pageSchema, versionSchema } from '../schemas/common';
import { TECH_STAT_CATEGORIES } from './categories';
import { TECH_BUYER_REGIONS } from './regions';

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** 技术合同 statistics of one year (or one month of it), counted at registration. */
export const techStatisticsQuerySchema = z.strictObject({
  year: yearSchema,
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type TechStatisticsQuery = z.infer<typeof techStatisticsQuerySchema>;

/** One line of a breakdown: contracts, 成交额, 技术交易额 and the claimed 免税 技术交易额, in 分. */
export const techFiguresSchema = z.object({
  contracts: z.number().int(),
  contractFen: z.number().int(),
  techFen: z.number().int(),
  claimedTechFen: z.number().int(),
});
export type TechFigures = z.infer<typeof techFiguresSchema>;

export const techStatisticsSchema = z.object({
  year: z.number().int(),
  month: z.number().int().nullable(),
  totals: techFiguresSchema.extend({
    /** 技术交易额 of registered contracts eligible for 免税 whose seller has not claimed it. */
    unclaimedEligibleTechFen: z.number().int(),
    sellers: z.number().int(),
  }),
  /** Every year with registered contracts, for the overview. */
  byYear: z.array(techFiguresSchema.extend({ year: z.number().int() })),
  /** The twelve months of the year (months without contracts show zeros). */
  byMonth: z.array(techFiguresSchema.extend({ month: z.number().int() })),
  byCategory: z.array(techFiguresSchema.extend({ statCategory: z.enum(TECH_STAT_CATEGORIES) })),
  byBuyerRegion: z.array(techFiguresSchema.extend({ buyerRegion: z.enum(TECH_BUYER_REGIONS) })),
  /** Counted at the seller's location: the street of the district the seller is in. */
  byStreet: z.array(techFiguresSchema.extend({ street: z.string() })),
  /** The sellers with the largest 成交额 (at most 50). */
  bySeller: z.array(
    techFiguresSchema.extend({ enterpriseId: z.number().int(), sellerName: z.string(), street: z.string() }),
  ),
  /** 输出: the seller is in the district (every contract this registry registers); 吸纳: the buyer is. */
  flows: z.object({ output: techFiguresSchema, absorbed: techFiguresSchema }),
});
export type TechStatistics = z.infer<typeof techStatisticsSchema>;

/** 挖掘潜力: enterprises with R&D spending or patents and no registered contract in the year. */
export const techPotentialQuerySchema = listQuerySchema(['rdExpenseFen', 'patents', 'name'])
  .extend({
    year: yearSchema,
    keyword: z.string().trim().max(100).optional(),
    street: z.string().trim().max(50).optional(),
  })
  .strict();
export type TechPotentialQuery = z.infer<typeof techPotentialQuerySchema>;

export const techPotentialEnterpriseSchema = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  street: z.string().nullable(),
  industry: z.string().nullable(),
  /** The year of the figures shown: the query's year, else the latest before it. */
  figuresYear: z.number().int(),
  rdExpenseFen: z.number().int(),
  ipClass1Count: z.number().int(),
  ipClass2Count: z.number().int(),
  lastRegisteredOn: z.string().nullable(),
  visits: z.number().int(),
  lastVisitedOn: z.string().nullable(),
});
export type TechPotentialEnterprise = z.infer<typeof techPotentialEnterpriseSchema>;
export const techPotentialPageSchema = pageSchema(techPotentialEnterpriseSchema);

export const TECH_GUIDANCE_KINDS = ['visit', 'call', 'training', 'other'] as const;

/** A visit or advice of the 技术合同登记服务指导组 to one enterprise. */
export const techGuidanceVisitInputSchema = z.strictObject({
  enterpriseId: z.number().int().positive().max(2_147_483_647),
  visitedOn: dateSchema,
  kind: z.enum(TECH_GUIDANCE_KINDS),
  /** The team members who went, as written on the visit record. */
  visitors: z.string().trim().min(1).max(200),
  advice: z.string().trim().min(1).max(2000),
});
export type TechGuidanceVisitInput = z.infer<typeof techGuidanceVisitInputSchema>;
export const techGuidanceVisitSaveSchema = techGuidanceVisitInputSchema.extend({ version: versionSchema });

export const techGuidanceVisitQuerySchema = listQuerySchema(['visitedOn', 'id'])
  .extend({
    enterpriseId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    year: yearSchema.optional(),
  })
  .strict();
export type TechGuidanceVisitQuery = z.infer<typeof techGuidanceVisitQuerySchema>;

export const techGuidanceVisitSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  visitedOn: z.string(),
  kind: z.enum(TECH_GUIDANCE_KINDS),
  visitors: z.string(),
  advice: z.string(),
  recordedByName: z.string(),
});
export type TechGuidanceVisit = z.infer<typeof techGuidanceVisitSchema>;
export const techGuidanceVisitPageSchema = pageSchema(techGuidanceVisitSchema);
