import {
  creditCodeSchema,
  type EnterpriseYearFigures,
  enterpriseYearFiguresSchema,
  FIGURES_FIELD_LABELS,
  type Language,
  parseWanYuanToFen,
  translate,
} from '@kechuang/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit';
import type { ImportColumn, ImportDefinition, ImportError } from '../../core/excel-import';
import type { Database } from '../../db/connection';
import { enterprises, enterpriseYearFigures } from '../../db/schema';
import { toStoredFigures } from './figures-service';
import { CULTIVATION_MESSAGES } from './messages';

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

export async function findEnterpriseIds(db: Database, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(inArray(enterprises.creditCode, codes));
  return new Map(rows.map((row) => [row.creditCode, row.id]));
}

export function unknownEnterprise(row: number, code: string, language: Language): ImportError {
  return {
    row,
    column: '统一社会信用代码',
    message: translate(CULTIVATION_MESSAGES.unknownCreditCode({ code }), language),
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
          message: translate(CULTIVATION_MESSAGES.sameEnterpriseAndYearAsRow({ earlier }), context.language),
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
