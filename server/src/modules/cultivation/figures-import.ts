import {
  computeCertificateExpiry,
  computeReminderDate,
  creditCodeSchema,
  type EnterpriseYearFigures,
  enterpriseYearFiguresSchema,
  FIGURES_FIELD_LABELS,
  findCertificateNumberProblem,
  highTechCertificateInputSchema,
  parseWanYuanToFen,
  techSmeRegistrationInputSchema,
} from '@kechuang/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportColumn, ImportDefinition, ImportError } from '../../core/excel-import';
import type { Database } from '../../db/connection';
import {
  enterprises,
  enterpriseYearFigures,
  highTechCertificates,
  techSmeRegistrations,
} from '../../db/schema';
import { toStoredFigures } from './figures-service';

const MONEY_FIELDS = [
  'revenueFen',
  'costFen',
  'totalAssetsFen',
  'liabilitiesFen',
  'netAssetsFen',
  'rdExpenseFen',
  'rdExpenseDomesticFen',
  'highTechRevenueFen',
  'industrialOutputFen',
] as const;
const COUNT_FIELDS = [
  'employees',
  'sciTechStaff',
  'ipClass1Count',
  'ipClass2Count',
  'ipSelfDevelopedCount',
  'conversionsCount',
] as const;

/** A ledger amount in 万元 (up to 6 decimals, may be negative for 净资产) as exact 分; anything else is left for the schema to refuse. */
function wanToFen(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = String(value).replace(/,/g, '').trim();
  const isNegative = text.startsWith('-');
  try {
    const fen = parseWanYuanToFen(isNegative ? text.slice(1) : text);
    return isNegative ? -fen : fen;
  } catch {
    return text;
  }
}

function yesNo(value: unknown): unknown {
  if (value === '是' || value === 'Y' || value === 'y' || value === 1) return true;
  if (value === '否' || value === 'N' || value === 'n' || value === 0) return false;
  return value;
}

const figuresRowSchema = z.preprocess(
  (raw) => {
    const row = raw as Record<string, unknown>;
    const figures: Record<string, unknown> = {
      year: row.year,
      isAboveDesignatedSize: yesNo(row.isAboveDesignatedSize),
    };
    for (const field of MONEY_FIELDS) figures[field] = wanToFen(row[field]);
    for (const field of COUNT_FIELDS) figures[field] = row[field];
    return { creditCode: row.creditCode, figures };
  },
  z.object({ creditCode: creditCodeSchema, figures: enterpriseYearFiguresSchema }),
);
type FiguresRow = { creditCode: string; figures: EnterpriseYearFigures };

const label = (key: string) => FIGURES_FIELD_LABELS[key];
const figureColumns: ImportColumn[] = [
  { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', isRequired: true },
  { key: 'year', header: '年度', headerEn: 'Year', isRequired: true },
  ...[...COUNT_FIELDS.slice(0, 2), ...MONEY_FIELDS, ...COUNT_FIELDS.slice(2)].map((key) => ({
    key,
    header: MONEY_FIELDS.includes(key as (typeof MONEY_FIELDS)[number])
      ? `${label(key).zh}（万元）`
      : label(key).zh,
    headerEn: label(key).en,
    isRequired: true,
  })),
  {
    key: 'isAboveDesignatedSize',
    header: '是否规上企业',
    headerEn: 'Above designated size',
    isRequired: true,
    note: '是 / 否',
  },
];

async function findEnterpriseIds(db: Database, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(inArray(enterprises.creditCode, codes));
  return new Map(rows.map((row) => [row.creditCode, row.id]));
}

function unknownEnterprise(row: number, code: string, language: string): ImportError {
  return {
    row,
    column: '统一社会信用代码',
    message:
      language === 'en'
        ? `No enterprise with credit code ${code}`
        : `统一社会信用代码 ${code} 对应的企业不存在，请先导入企业台账`,
  };
}

/** 企业年度数据 from the bureau's ledger: one row per enterprise and year; a year already on file is corrected (audited). */
export const enterpriseFiguresImport: ImportDefinition<FiguresRow> = {
  kind: 'enterprise-figures',
  title: '企业年度数据',
  columns: figureColumns,
  rowSchema: figuresRowSchema as z.ZodType<FiguresRow>,
  async checkRows(db, rows, context) {
    const ids = await findEnterpriseIds(db, [...new Set(rows.map((item) => item.value.creditCode))]);
    const errors: ImportError[] = [];
    const seen = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!ids.has(value.creditCode)) errors.push(unknownEnterprise(row, value.creditCode, context.language));
      const key = `${value.creditCode}/${value.figures.year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.push({
          row,
          column: '年度',
          message:
            context.language === 'en'
              ? `Same enterprise and year as row ${earlier}`
              : `与第 ${earlier} 行的企业和年度重复`,
        });
      } else seen.set(key, row);
    }
    return errors;
  },
  async apply(tx, rows, context) {
    const ids = await findEnterpriseIds(tx as unknown as Database, [
      ...new Set(rows.map((row) => row.creditCode)),
    ]);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const enterpriseId = ids.get(row.creditCode)!;
      const [before] = await tx
        .select()
        .from(enterpriseYearFigures)
        .where(
          and(
            eq(enterpriseYearFigures.enterpriseId, enterpriseId),
            eq(enterpriseYearFigures.year, row.figures.year),
          ),
        );
      const [after] = before
        ? await tx
            .update(enterpriseYearFigures)
            .set({
              ...row.figures,
              source: 'import',
              updatedAt: new Date(),
              version: sql`${enterpriseYearFigures.version} + 1`,
            })
            .where(eq(enterpriseYearFigures.id, before.id))
            .returning()
        : await tx
            .insert(enterpriseYearFigures)
            .values({ ...row.figures, enterpriseId, source: 'import' })
            .returning();
      if (before) updated += 1;
      else created += 1;
      await recordAudit(tx, context, {
        event: before ? 'figures.correct' : 'figures.file',
        objectType: 'enterprise_year_figures',
        objectId: `${enterpriseId}/${row.figures.year}`,
        before: before ? toStoredFigures(before) : null,
        after: toStoredFigures(after),
      });
    }
    return { created, updated };
  },
};

const registrationRowSchema = z.object({
  creditCode: creditCodeSchema,
  year: techSmeRegistrationInputSchema.shape.year,
  registrationNumber: z.preprocess(
    (value) => (value === undefined ? value : String(value)),
    techSmeRegistrationInputSchema.shape.registrationNumber,
  ),
  registeredOn: techSmeRegistrationInputSchema.shape.registeredOn,
});
type RegistrationRow = z.infer<typeof registrationRowSchema>;

/** 科技型中小企业 入库 register from the ledger: one row per enterprise and year. */
export const techSmeRegistrationsImport: ImportDefinition<RegistrationRow> = {
  kind: 'tech-sme-registrations',
  title: '科技型中小企业入库登记',
  columns: [
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', isRequired: true },
    { key: 'year', header: '入库年度', headerEn: 'Year', isRequired: true },
    {
      key: 'registrationNumber',
      header: '入库登记编号',
      headerEn: 'Registration number',
      isRequired: true,
      note: '如 2021370811A0000123',
    },
    {
      key: 'registeredOn',
      header: '入库日期',
      headerEn: 'Registration date',
      isRequired: true,
      note: '格式 2021-06-30',
    },
  ],
  rowSchema: registrationRowSchema,
  async checkRows(db, rows, context) {
    const ids = await findEnterpriseIds(db, [...new Set(rows.map((item) => item.value.creditCode))]);
    const errors: ImportError[] = [];
    const numbers = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!ids.has(value.creditCode)) errors.push(unknownEnterprise(row, value.creditCode, context.language));
      if (!value.registrationNumber.startsWith(String(value.year))) {
        errors.push({
          row,
          column: '入库登记编号',
          message:
            context.language === 'en'
              ? 'The number does not start with the year'
              : `入库登记编号应以年度 ${value.year} 开头`,
        });
      }
      const earlier = numbers.get(value.registrationNumber);
      if (earlier !== undefined)
        errors.push({
          row,
          column: '入库登记编号',
          message:
            context.language === 'en'
              ? `Same number as row ${earlier}`
              : `与第 ${earlier} 行的入库登记编号重复`,
        });
      else numbers.set(value.registrationNumber, row);
    }
    const taken = rows.length
      ? await db
          .select({ number: techSmeRegistrations.registrationNumber })
          .from(techSmeRegistrations)
          .where(inArray(techSmeRegistrations.registrationNumber, [...numbers.keys()]))
      : [];
    for (const { number } of taken) {
      errors.push({
        row: numbers.get(number)!,
        column: '入库登记编号',
        message: context.language === 'en' ? 'Number already registered' : '该入库登记编号已登记',
      });
    }
    return errors;
  },
  async apply(tx, rows, context) {
    const ids = await findEnterpriseIds(tx as unknown as Database, [
      ...new Set(rows.map((row) => row.creditCode)),
    ]);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const enterpriseId = ids.get(row.creditCode)!;
      const [existing] = await tx
        .select()
        .from(techSmeRegistrations)
        .where(
          and(eq(techSmeRegistrations.enterpriseId, enterpriseId), eq(techSmeRegistrations.year, row.year)),
        );
      if (existing) {
        await tx
          .update(techSmeRegistrations)
          .set({
            registrationNumber: row.registrationNumber,
            registeredOn: row.registeredOn,
            updatedAt: new Date(),
            version: sql`${techSmeRegistrations.version} + 1`,
          })
          .where(eq(techSmeRegistrations.id, existing.id));
        updated += 1;
      } else {
        await tx.insert(techSmeRegistrations).values({
          enterpriseId,
          year: row.year,
          registrationNumber: row.registrationNumber,
          registeredOn: row.registeredOn,
        });
        created += 1;
      }
    }
    await recordAudit(tx, context, {
      event: 'tech-sme.registrations.import',
      objectType: 'tech_sme_registrations',
      after: { created, updated },
    });
    return { created, updated };
  },
};

const certificateRowSchema = z.object({
  creditCode: creditCodeSchema,
  certificateNumber: highTechCertificateInputSchema.shape.certificateNumber,
  issuedOn: highTechCertificateInputSchema.shape.issuedOn,
});
type CertificateRow = z.infer<typeof certificateRowSchema>;

/** 国家高新技术企业 certificates from the ledger; a number already on file gets its issue date corrected. */
export const highTechCertificatesImport: ImportDefinition<CertificateRow> = {
  kind: 'high-tech-certificates',
  title: '高新技术企业证书',
  columns: [
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', isRequired: true },
    {
      key: 'certificateNumber',
      header: '证书编号',
      headerEn: 'Certificate number',
      isRequired: true,
      note: '如 GR202037001234',
    },
    {
      key: 'issuedOn',
      header: '发证日期',
      headerEn: 'Issue date',
      isRequired: true,
      note: '格式 2021-06-30',
    },
  ],
  rowSchema: certificateRowSchema,
  async checkRows(db, rows, context) {
    const ids = await findEnterpriseIds(db, [...new Set(rows.map((item) => item.value.creditCode))]);
    const errors: ImportError[] = [];
    const numbers = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!ids.has(value.creditCode)) errors.push(unknownEnterprise(row, value.creditCode, context.language));
      const problem = findCertificateNumberProblem(value.certificateNumber, value.issuedOn);
      if (problem)
        errors.push({
          row,
          column: '证书编号',
          message: context.language === 'en' ? problem.en : problem.zh,
        });
      const earlier = numbers.get(value.certificateNumber);
      if (earlier !== undefined) {
        errors.push({
          row,
          column: '证书编号',
          message:
            context.language === 'en' ? `Same number as row ${earlier}` : `与第 ${earlier} 行的证书编号重复`,
        });
      } else numbers.set(value.certificateNumber, row);
    }
    return errors;
  },
  async apply(tx, rows, context) {
    const ids = await findEnterpriseIds(tx as unknown as Database, [
      ...new Set(rows.map((row) => row.creditCode)),
    ]);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const expiresOn = computeCertificateExpiry(row.issuedOn);
      const dates = { issuedOn: row.issuedOn, expiresOn, remindOn: computeReminderDate(expiresOn) };
      const [existing] = await tx
        .select()
        .from(highTechCertificates)
        .where(eq(highTechCertificates.certificateNumber, row.certificateNumber));
      if (existing) {
        await tx
          .update(highTechCertificates)
          .set({
            ...dates,
            enterpriseId: ids.get(row.creditCode)!,
            updatedAt: new Date(),
            version: sql`${highTechCertificates.version} + 1`,
          })
          .where(eq(highTechCertificates.id, existing.id));
        updated += 1;
      } else {
        await tx.insert(highTechCertificates).values({
          ...dates,
          enterpriseId: ids.get(row.creditCode)!,
          certificateNumber: row.certificateNumber,
        });
        created += 1;
      }
    }
    await recordAudit(tx, context, {
      event: 'high-tech.certificates.import',
      objectType: 'high_tech_certificates',
      after: { created, updated },
    });
    return { created, updated };
  },
};
