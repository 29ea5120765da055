import ExcelJS from 'exceljs';
import type { App } from '../app';
import type { Session } from './factories';

/** An xlsx with a header row and rows, as a bureau's ledger would be. */
export async function buildWorkbook(
  headers: string[],
  rows: (string | number | Date | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function uploadImport(
  app: App,
  options: { kind: string; session: Session; fileName: string; content: Buffer },
) {
  const boundary = '----kechuang-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return app.inject({
    method: 'POST',
    url: `/api/imports/${options.kind}`,
    headers: { cookie: options.session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, options.content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

export async function waitForImportJob(app: App, session: Session, id: number) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const job = (
      await app.inject({ method: 'GET', url: `/api/imports/jobs/${id}`, headers: { cookie: session.cookie } })
    ).json();
    if (job.status !== 'validating') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}
