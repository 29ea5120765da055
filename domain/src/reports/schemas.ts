import { z } from 'zod';

export const reportSectionSchema = z.strictObject({
  /** 一、提升高企挖掘培育方式。 */
  heading: z.string().trim().min(1).max(200),
  /** The section's text with its 一是/二是 parts and placeholders. */
  body: z.string().trim().min(1).max(20_000),
});

export const annualReportContentSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  opening: z.string().trim().max(20_000),
  sections: z.array(reportSectionSchema).min(1).max(12),
});
export type AnnualReportContent = z.infer<typeof annualReportContentSchema>;

export const annualReportSaveSchema = z.strictObject({
  content: annualReportContentSchema,
  /** 0 to save the year's report for the first time; otherwise the version being changed. */
  version: z.number().int().min(0).max(2_147_483_647),
});

export const annualReportYearParamsSchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099),
});
export const annualReportEditionParamsSchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099),
  edition: z.coerce.number().int().min(1).max(10_000),
});

const textOut = z.object({ zh: z.string(), en: z.string() });

/** One figure the report uses, as it stood: the appendix's row. */
export const reportFigureSchema = z.object({
  placeholder: z.string(),
  key: z.string(),
  period: z.string(),
  name: textOut,
  unit: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  /** Records behind it (counts and sums) or the statistic's source. */
  basis: z.string(),
  incomplete: z.array(textOut),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const annualReportViewSchema = z.object({
  year: z.number().int(),
  content: annualReportContentSchema,
  status: z.enum(['draft', 'final']),
  version: z.number().int(),
  editions: z.array(
    z.object({ edition: z.number().int(), finalisedAt: z.string(), finalisedBy: z.string() }),
  ),
});

export const annualReportPreviewSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  opening: z.string(),
  sections: z.array(z.object({ heading: z.string(), body: z.string() })),
  figures: z.array(reportFigureSchema),
});
export type AnnualReportPreview = z.infer<typeof annualReportPreviewSchema>;

export const annualReportChangesSchema = z.object({
  edition: z.number().int().nullable(),
  changes: z.array(
    z.object({
      placeholder: z.string(),
      name: textOut,
      period: z.string(),
      before: z.string(),
      after: z.string(),
    }),
  ),
});

export const annualReportFinaliseSchema = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
});
