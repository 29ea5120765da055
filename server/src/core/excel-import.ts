import { describeIssue, type FieldLabels, type Language } from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { z } from 'zod';
import { importJobs } from '../db/schema';
import type { Database, Transaction } from '../db/types';
import { recordAudit } from './audit';
import type { RequestContext } from './context';
import { AppError } from './errors';

export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024;
export const IMPORT_MAX_ZIP_ENTRIES = 500;
export const IMPORT_MAX_ROWS = 50_000;

/** How large an upload of one kind may be; a kind whose files are larger by nature raises its own. */
export interface ImportLimits {
  maxRows: number;
  maxFileBytes: number;
  maxUncompressedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: IMPORT_MAX_ROWS,
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  maxUncompressedBytes: IMPORT_MAX_UNCOMPRESSED_BYTES,
};

export function importLimitsOf(definition: { limits?: Partial<ImportLimits> }): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...definition.limits };
}

export interface ImportColumn {
  key: string;
  header: string;
  headerEn: string;
  isRequired?: boolean;
  note?: string;
}

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportDefinition<TRow> {
  kind: string;
  title: string;
  columns: ImportColumn[];
  rowSchema: z.ZodType<TRow>;
  /** Larger limits than the defaults, for ledgers that are large by nature (each one reasoned where set). */
  limits?: Partial<ImportLimits>;
  /** Checks across rows and against the database (duplicates in the file, unknown street …). */
  checkRows?(
    db: Database,
    rows: { row: number; value: TRow }[],
    context: RequestContext,
  ): Promise<ImportError[]>;
  /**
   * A 合计 row at the bottom, as bureaus' ledgers have: recognised by `isSummary`, checked against
   * the rows by `check`, never imported.
   */
  summaryRow?: {
    isSummary(record: Record<string, string | number>): boolean;
    check(
      rows: { row: number; value: TRow }[],
      summary: { row: number; record: Record<string, string | number> },
    ): ImportError[];
  };
  /** Writes every row in the one transaction it is given: all or nothing. */
  apply(
    tx: Transaction,
    rows: TRow[],
    context: RequestContext,
    source: { buffer: Buffer; fileName: string },
  ): Promise<{ created: number; updated: number }>;
}

/** Ledgers often carry a title row (or a few) above the header: the header is searched in the first rows. */
const HEADER_SEARCH_ROWS = 5;

/**
 * An xlsx is a zip: before exceljs opens it, count its entries and inflate each one with a byte
 * counter, so a file that would expand to hundreds of MiB (a zip bomb) is refused cheaply.
 */
export async function assertSafeXlsx(
  buffer: Buffer,
  maxUncompressedBytes = IMPORT_MAX_UNCOMPRESSED_BYTES,
): Promise<void> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new AppError(400, 'importNotXlsx');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) =>
      error || !file ? reject(error) : resolve(file),
    ),
  ).catch(() => {
    throw new AppError(400, 'importNotXlsx');
  });
  let entries = 0;
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: AppError) => {
      zip.close();
      reject(error);
    };
    zip.on('error', () => fail(new AppError(400, 'importNotXlsx')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      if (
        entries > IMPORT_MAX_ZIP_ENTRIES ||
        entry.fileName.includes('..') ||
        entry.fileName.startsWith('/')
      ) {
        return fail(new AppError(400, 'importNotXlsx'));
      }
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(new AppError(400, 'importNotXlsx'));
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > maxUncompressedBytes) {
            stream.destroy();
            fail(new AppError(413, 'importTooLarge'));
          }
        });
        stream.on('error', () => fail(new AppError(400, 'importNotXlsx')));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

/** A cell as the row schema reads it: text, number, or a date as YYYY-MM-DD. */
export function readCellValue(value: ExcelJS.CellValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'object') {
    if ('richText' in value) return readCellValue(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return readCellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return readCellValue(String(value.text));
  }
  return String(value);
}

function columnLabels(definition: ImportDefinition<unknown>): FieldLabels {
  return Object.fromEntries(
    definition.columns.map((column) => [column.key, { zh: column.header, en: column.headerEn }]),
  );
}

/** Reads the first sheet: headers by their Chinese (or English) names, then each row through the row schema. */
export async function readImportRows<TRow>(
  definition: ImportDefinition<TRow>,
  buffer: Buffer,
  language: Language,
  onProgress: (processed: number, total: number) => Promise<void>,
): Promise<{ rows: { row: number; value: TRow }[]; errors: ImportError[]; total: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer).catch(() => {
    throw new AppError(400, 'importNotXlsx');
  });
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'importNotXlsx');
  const headersOf = (rowNumber: number) => {
    const found = new Map<string, number>();
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const text = String(readCellValue(cell.value) ?? '').replace(/[*＊\s]/g, '');
      if (text) found.set(text, columnNumber);
    });
    return found;
  };
  let headerRow = 1;
  let headerIndex = headersOf(1);
  const isHeader = (found: Map<string, number>) =>
    definition.columns.some((column) => found.has(column.header));
  for (let rowNumber = 2; rowNumber <= HEADER_SEARCH_ROWS && !isHeader(headerIndex); rowNumber++) {
    const found = headersOf(rowNumber);
    if (isHeader(found)) {
      headerRow = rowNumber;
      headerIndex = found;
    }
  }
  const errors: ImportError[] = [];
  const positions = definition.columns.map((column) => {
    const position = headerIndex.get(column.header) ?? headerIndex.get(column.headerEn.replace(/\s/g, ''));
    if (position === undefined && column.isRequired) {
      errors.push({
        row: 1,
        column: column.header,
        message: language === 'en' ? `Missing column ${column.headerEn}` : `缺少列“${column.header}”`,
      });
    }
    return position;
  });
  if (errors.length) return { rows: [], errors, total: 0 };
  const total = Math.max(0, sheet.actualRowCount - headerRow);
  if (total > importLimitsOf(definition).maxRows) throw new AppError(413, 'importTooLarge');
  const labels = columnLabels(definition as ImportDefinition<unknown>);
  const rows: { row: number; value: TRow }[] = [];
  let processed = 0;
  let summary: { row: number; record: Record<string, string | number> } | null = null;
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const record: Record<string, string | number> = {};
    definition.columns.forEach((column, index) => {
      const position = positions[index];
      const value = position === undefined ? undefined : readCellValue(row.getCell(position).value);
      if (value !== undefined) record[column.key] = value;
    });
    if (Object.keys(record).length === 0) continue;
    if (definition.summaryRow?.isSummary(record)) {
      summary = { row: rowNumber, record };
      continue;
    }
    const parsed = definition.rowSchema.safeParse(record);
    if (parsed.success) rows.push({ row: rowNumber, value: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        // The innermost named field is the column (a row schema may nest, e.g. figures.employees).
        const key = issue.path.filter((part): part is string => typeof part === 'string').at(-1);
        const column = definition.columns.find((item) => item.key === key);
        errors.push({
          row: rowNumber,
          column: column?.header ?? null,
          message: describeIssue(issue, language, labels),
        });
      }
    }
    processed += 1;
    if (processed % 200 === 0) await onProgress(processed, total);
  }
  if (summary && definition.summaryRow && errors.length === 0)
    errors.push(...definition.summaryRow.check(rows, summary));
  return { rows, errors, total: summary ? total - 1 : total };
}

/** The job behind an upload: validate every row, then apply all of them in one transaction, or none. */
export async function runImportJob<TRow>(
  db: Database,
  options: { definition: ImportDefinition<TRow>; jobId: number; buffer: Buffer; context: RequestContext },
): Promise<void> {
  const { definition, jobId, context } = options;
  const setJob = async (values: Partial<typeof importJobs.$inferInsert>) => {
    await db
      .update(importJobs)
      .set({ ...values, updatedAt: new Date(), version: sql`${importJobs.version} + 1` })
      .where(eq(importJobs.id, jobId));
  };
  try {
    const { rows, errors, total } = await readImportRows(
      definition,
      options.buffer,
      context.language,
      (processed, count) => setJob({ processedRows: processed, totalRows: count }),
    );
    errors.push(...((await definition.checkRows?.(db, rows, context)) ?? []));
    if (total === 0 && errors.length === 0) {
      errors.push({
        row: 2,
        column: null,
        message: context.language === 'en' ? 'The sheet has no rows' : '表格中没有数据行',
      });
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row);
      await setJob({ status: 'failed', totalRows: total, processedRows: total, errors });
      await recordAudit(db, context, {
        event: `import.${definition.kind}`,
        objectType: 'import_jobs',
        objectId: jobId,
        result: 'failed',
        after: { errors: errors.length },
      });
      return;
    }
    await db.transaction(async (tx) => {
      const [job] = await tx
        .select({ fileName: importJobs.fileName })
        .from(importJobs)
        .where(eq(importJobs.id, jobId));
      const applied = await definition.apply(
        tx,
        rows.map((item) => item.value),
        context,
        { buffer: options.buffer, fileName: job?.fileName ?? 'import.xlsx' },
      );
      await recordAudit(tx, context, {
        event: `import.${definition.kind}`,
        objectType: 'import_jobs',
        objectId: jobId,
        after: { rows: rows.length, ...applied },
      });
      await tx
        .update(importJobs)
        .set({
          status: 'done',
          totalRows: total,
          processedRows: total,
          result: applied,
          updatedAt: new Date(),
          version: sql`${importJobs.version} + 1`,
        })
        .where(and(eq(importJobs.id, jobId)));
    });
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.messageIn(context.language)
        : context.language === 'en'
          ? 'The import failed; nothing was imported'
          : '导入失败，未导入任何数据';
    await setJob({ status: 'failed', errors: [{ row: 0, column: null, message }] }).catch(() => undefined);
  }
}

/** A template with the Chinese headers (required ones marked *) and a note per column. */
export async function buildImportTemplate(definition: ImportDefinition<unknown>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.title);
  sheet.columns = definition.columns.map((column) => ({
    header: `${column.header}${column.isRequired ? '*' : ''}`,
    key: column.key,
    width: Math.max(14, column.header.length * 3),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  definition.columns.forEach((column, index) => {
    if (column.note) header.getCell(index + 1).note = column.note;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name as shown and stored: no control or bidirectional-override characters, no folders, 200 at most. */
export function cleanFileName(name: string): string {
  const isHidden = (code: number) =>
    code < 0x20 || code === 0x7f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    [...base]
      .filter((character) => !isHidden(character.codePointAt(0) ?? 0))
      .join('')
      .slice(0, 200) || 'upload.xlsx'
  );
}
