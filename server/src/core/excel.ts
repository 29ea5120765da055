import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** A cell a spreadsheet would run as a formula is written as text (CSV/formula injection). */
export function neutralizeFormula(value: string | number | null): string | number | null {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

/** RFC 6266 attachment header with a UTF-8 name and an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Streams rows into an xlsx response, page by page, so large exports keep memory flat. */
export async function sendXlsx<T>(
  reply: FastifyReply,
  options: { fileName: string; sheetName: string; columns: ExportColumn<T>[]; pages: AsyncIterable<T[]> },
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.columns = options.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? 18,
  }));
  sheet.getRow(1).font = { bold: true };
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', attachmentHeader(options.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  const writing = (async () => {
    for await (const page of options.pages) {
      for (const row of page)
        sheet.addRow(options.columns.map((column) => neutralizeFormula(column.value(row)))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })();
  writing.catch((error) => stream.destroy(error));
  return reply.send(stream);
}
