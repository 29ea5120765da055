import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../core/audit';
import { openDatabase } from '../db/connection';
import { enterprises, fileBlobs, projectApplications, storedFiles } from '../db/schema';
import { buildCompleteContent } from '../modules/plan-calls/plan-test-helpers';
import { buildEnterpriseRegistration, buildUser, nextCreditCode, TEST_PASSWORD } from './factories';
import { startServerProcess } from './server-process';
import { createTestDatabase } from './test-app';

/**
 * `kill -9` while many kinds of write are in flight — registrations, applications filled in and
 * submitted with an attachment, and Excel imports of the enterprise ledger — on whichever database
 * the suite runs on (a copy of the migrated template on PostgreSQL, a data folder for the embedded
 * one). After the rounds: every acknowledged write is there, no import is half there, every
 * attachment an application names is stored with all its bytes, and the audit chain verifies.
 */
const ROUNDS = 3;
const IMPORT_ROWS = 20;

const isPostgres = Boolean(process.env.TEST_DATABASE_URL);
let databaseUrl: string | null = null;
let dropDatabase: () => Promise<void> = async () => {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-drill-'));

const openDrillDatabase = () =>
  openDatabase(databaseUrl ? { databaseUrl, dataDir: 'memory://' } : { dataDir });

beforeAll(async () => {
  if (isPostgres) {
    const database = await createTestDatabase({ template: inject('postgresTemplate') });
    databaseUrl = database.url;
    dropDatabase = database.drop;
  }
  const handle = await openDrillDatabase();
  await handle.migrate();
  await buildUser(handle.db, { role: 'staff', username: 'drill_staff', mustChangePassword: false });
  await handle.close();
}, 180_000);
afterAll(async () => {
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A tiny HTTP client with one session cookie, against the server process. */
function client(baseUrl: string) {
  let cookie = '';
  const send = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const isRaw = body instanceof Buffer;
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isRaw ? new Uint8Array(body) : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('kc_session=')) cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, json: () => JSON.parse(text) };
  };
  return { send };
}

function multipart(fileName: string, content: Buffer, mediaType: string) {
  const boundary = `----kechuang-drill-${crypto.randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function ledgerWorkbook(codes: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.addRow(['统一社会信用代码*', '企业名称*', '联系人*', '联系电话*']);
  for (const code of codes)
    sheet.addRow([code, `济宁演练${code.slice(-6)}科技有限公司`, '王演练', '13800138000']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A PDF different every time, so each attachment is its own blob. */
const uniquePdf = () =>
  Buffer.from(
    `%PDF-1.4\n% ${crypto.randomBytes(24).toString('hex')}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`,
  );

describe('crash drill with mixed writes', () => {
  it(`keeps every acknowledged write across ${ROUNDS} kill -9 restarts`, async () => {
    const registered: string[] = [];
    const submitted: { id: number; fileId: number; size: number }[] = [];
    const imports: { codes: string[]; isAcknowledged: boolean }[] = [];
    let callId = 0;
    let addressCounter = 0;
    const nextAddress = () => {
      addressCounter += 1;
      return `10.7.${Math.floor(addressCounter / 250) % 250}.${addressCounter % 250}`;
    };

    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerProcess(
        {
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { KECHUANG_DATA_DIR: dataDir, DATABASE_URL: '' }),
          KECHUANG_TRUST_PROXY: 'true',
        },
        ['--no-demo'],
      );
      const staff = client(server.baseUrl);
      expect(
        (await staff.send('POST', '/api/auth/login', { username: 'drill_staff', password: TEST_PASSWORD }))
          .status,
      ).toBe(200);
      if (round === 0) {
        const category = await staff.send('POST', '/api/plan/categories', {
          code: 'drill',
          name: '演练计划',
          fundingMode: 'preFunding',
          level: 'district',
        });
        expect(category.status).toBe(201);
        const now = Date.now();
        const created = await staff.send('POST', '/api/plan/calls', {
          categoryId: category.json().id,
          year: new Date().getUTCFullYear(),
          title: '演练申报通知',
          guideline: '申报条件与要求',
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 30 * 86400_000).toISOString(),
          rules: { maxRequestFen: 100_000_000 },
          checklist: ['申报书完整'],
        });
        expect(created.status).toBe(201);
        const published = await staff.send('POST', `/api/plan/calls/${created.json().id}/actions/publish`, {
          version: created.json().version,
        });
        expect(published.status).toBe(200);
        callId = created.json().id;
      }

      let isRunning = true;
      const forwardedFor = () => ({ 'x-forwarded-for': nextAddress() });
      const register = async () => {
        const registration = buildEnterpriseRegistration();
        const response = await client(server.baseUrl).send(
          'POST',
          '/api/enterprises/register',
          registration,
          forwardedFor(),
        );
        if (response.status === 201) registered.push(registration.creditCode);
        return response.status === 201 ? registration : null;
      };
      const applicant = async () => {
        const registration = await register();
        if (!registration) return;
        const company = client(server.baseUrl);
        const login = await company.send('POST', '/api/auth/login', {
          username: registration.creditCode,
          password: registration.password,
        });
        if (login.status !== 200) return;
        const created = await company.send('POST', '/api/plan/applications', { callId });
        if (created.status !== 201) return;
        const application = created.json().application;
        const pdf = uniquePdf();
        const form = multipart('营业执照.pdf', pdf, 'application/pdf');
        const uploaded = await company.send(
          'POST',
          `/api/plan/applications/${application.id}/attachments`,
          form.body,
          { 'content-type': form.contentType },
        );
        if (uploaded.status !== 201) return;
        const fileId = uploaded.json().id as number;
        const saved = await company.send('PUT', `/api/plan/applications/${application.id}`, {
          version: application.version,
          content: buildCompleteContent({ attachments: [{ fileId, kind: 'businessLicence' }] }),
        });
        if (saved.status !== 200) return;
        const done = await company.send('POST', `/api/plan/applications/${application.id}/submit`, {
          version: saved.json().application.version,
        });
        if (done.status === 200) submitted.push({ id: application.id, fileId, size: pdf.length });
      };
      const importer = async () => {
        const codes = Array.from({ length: IMPORT_ROWS }, () => nextCreditCode());
        const entry = { codes, isAcknowledged: false };
        imports.push(entry);
        const form = multipart(
          '企业台账.xlsx',
          await ledgerWorkbook(codes),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        const started = await staff.send('POST', '/api/imports/enterprise-ledger', form.body, {
          'content-type': form.contentType,
        });
        if (started.status !== 202 && started.status !== 200 && started.status !== 201) return;
        const jobId = started.json().id as number;
        while (isRunning) {
          const job = await staff.send('GET', `/api/imports/jobs/${jobId}`);
          if (job.json().status !== 'validating') {
            entry.isAcknowledged = job.json().status === 'done';
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const loop = (work: () => Promise<unknown>) => async () => {
        while (isRunning) {
          try {
            await work();
          } catch {
            return; // the process was killed mid-request: that write was never acknowledged
          }
        }
      };
      // One import finishes before the first kill, so the drill always checks an acknowledged one.
      if (round === 0) await importer();
      const writers = [loop(register), loop(register), loop(applicant), loop(applicant), loop(importer)].map(
        (writer) => writer(),
      );
      await new Promise((resolve) => setTimeout(resolve, 4000 + Math.random() * 2000));
      await server.stop('SIGKILL');
      isRunning = false;
      await Promise.all(writers);
    }

    const acknowledgedImports = imports.filter((entry) => entry.isAcknowledged);
    console.info(
      `crash drill (${isPostgres ? 'PostgreSQL' : 'embedded'}): ${ROUNDS} kill -9 rounds; acknowledged ${registered.length} registrations, ${submitted.length} submitted applications with attachments, ${acknowledgedImports.length} of ${imports.length} imports of ${IMPORT_ROWS} rows`,
    );
    expect(registered.length).toBeGreaterThan(ROUNDS * 3);
    expect(submitted.length).toBeGreaterThan(0);
    expect(acknowledgedImports.length).toBeGreaterThan(0);

    const handle = await openDrillDatabase();
    try {
      const found = await handle.db
        .select({ creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, registered));
      expect(found.length).toBe(registered.length);

      for (const entry of submitted) {
        const [row] = await handle.db
          .select()
          .from(projectApplications)
          .where(eq(projectApplications.id, entry.id));
        expect(row.status).toBe('submitted');
        expect(row.submittedAt).not.toBeNull();
      }
      // Every attachment any application names is stored, with all of its bytes.
      const applications = await handle.db
        .select({ content: projectApplications.content })
        .from(projectApplications);
      const named = applications.flatMap((row) =>
        ((row.content as { attachments?: { fileId: number }[] }).attachments ?? []).map(
          (item) => item.fileId,
        ),
      );
      expect(named.length).toBeGreaterThanOrEqual(submitted.length);
      const files = await handle.db
        .select({
          id: storedFiles.id,
          size: storedFiles.size,
          blobSize: fileBlobs.size,
          bytes: fileBlobs.bytes,
        })
        .from(storedFiles)
        .innerJoin(fileBlobs, eq(fileBlobs.sha256, storedFiles.sha256))
        .where(inArray(storedFiles.id, named));
      expect(files.length).toBe(new Set(named).size);
      for (const file of files) {
        expect(file.bytes.length).toBe(file.size);
        expect(file.blobSize).toBe(file.size);
      }
      for (const entry of submitted)
        expect(files.find((file) => file.id === entry.fileId)?.size).toBe(entry.size);

      // An import is all there or not there at all; an acknowledged one is all there.
      for (const entry of imports) {
        const present = await handle.db
          .select({ creditCode: enterprises.creditCode })
          .from(enterprises)
          .where(inArray(enterprises.creditCode, entry.codes));
        expect([0, IMPORT_ROWS]).toContain(present.length);
        if (entry.isAcknowledged) expect(present.length).toBe(IMPORT_ROWS);
      }

      const chain = await verifyAuditChain(handle.db);
      expect(chain.problem).toBeNull();
      expect(chain.isIntact).toBe(true);
    } finally {
      await handle.close();
    }
  }, 600_000);
});
