import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purgeExpiredAudit, recordAudit, sealAuditChain, verifyAuditChain } from '../../core/audit';
import { systemContext } from '../../core/context';
import { openDatabase } from '../../db/connection';
import { auditLog } from '../../db/schema';
import { buildEnterprise, buildSession } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const run = promisify(execFile);
const suite = useTestApp({});

async function tamper(statement: ReturnType<typeof sql>) {
  // Only a database superuser who switches the guard off can do this; the app cannot (see below).
  await suite.test.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await suite.test.db.execute(statement);
  await suite.test.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
}

describe('audit trail', () => {
  it('records writes with actor, role, IP, request id and before/after, and chains them with SM3', async () => {
    const company = await buildEnterprise(suite.test.app);
    await sealAuditChain(suite.test.db);
    const [entry] = await suite.test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, 'enterprise.register'))
      .orderBy(asc(auditLog.id));
    expect(entry).toMatchObject({
      actorRole: 'enterprise',
      objectType: 'enterprises',
      objectId: String(company.enterpriseId),
      result: 'ok',
      ip: company.address,
    });
    expect(company.address).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(entry.after)).not.toContain('Test@2026pass');
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    const result = await verifyAuditChain(suite.test.db);
    expect(result).toMatchObject({ isIntact: true, firstBrokenId: null });
    expect(result.checked).toBeGreaterThanOrEqual(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows from the application', async () => {
    await recordAudit(suite.test.db, systemContext, { event: 'test.append-only' });
    await sealAuditChain(suite.test.db);
    await expect(
      suite.test.db.execute(sql`update audit_log set result = 'ok' where event = 'test.append-only'`),
    ).rejects.toThrow();
    await expect(
      suite.test.db.execute(sql`delete from audit_log where event = 'test.append-only'`),
    ).rejects.toThrow();
    await expect(suite.test.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('names the row that was tampered with', async () => {
    await buildEnterprise(suite.test.app);
    await sealAuditChain(suite.test.db);
    const rows = await suite.test.db.select().from(auditLog).orderBy(asc(auditLog.chainIndex));
    const victim = rows[Math.floor(rows.length / 2)];
    await tamper(sql`update audit_log set actor_name = 'someone-else' where id = ${victim.id}`);
    const result = await verifyAuditChain(suite.test.db);
    expect(result).toMatchObject({
      isIntact: false,
      firstBrokenId: victim.id,
      problem: 'content does not match its hash',
    });
    await tamper(sql`update audit_log set actor_name = ${victim.actorName} where id = ${victim.id}`);
    expect((await verifyAuditChain(suite.test.db)).isIntact).toBe(true);

    const deleted = rows[rows.length - 2];
    const following = rows[rows.length - 1];
    await tamper(sql`delete from audit_log where id = ${deleted.id}`);
    const afterDelete = await verifyAuditChain(suite.test.db);
    expect(afterDelete).toMatchObject({ isIntact: false, firstBrokenId: following.id });
  });

  it('lets the auditor, and only the auditor, search and verify', async () => {
    const auditor = await buildSession(suite.test.app, suite.test.db, 'auditor');
    const sysadmin = await buildSession(suite.test.app, suite.test.db, 'sysadmin');
    const search = await requestAs(suite.test.app, auditor, 'GET', '/api/audit?event=enterprise.&pageSize=5');
    expect(search.statusCode).toBe(200);
    expect(search.json().items.every((item: { event: string }) => item.event.startsWith('enterprise.'))).toBe(
      true,
    );
    expect((await requestAs(suite.test.app, sysadmin, 'GET', '/api/audit')).statusCode).toBe(403);
    const verify = await requestAs(suite.test.app, auditor, 'POST', '/api/audit/verify');
    expect(verify.json()).toMatchObject({ isIntact: false });
  });

  it('purges only rows past the retention period, never less than 184 days', async () => {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    await handle.db.insert(auditLog).values([
      { event: 'old', result: 'ok', occurredAt: new Date(Date.now() - 200 * 86_400_000) },
      { event: 'recent', result: 'ok', occurredAt: new Date(Date.now() - 100 * 86_400_000) },
    ]);
    expect(await purgeExpiredAudit(handle.db, 30)).toBe(1);
    const left = await handle.db.select({ event: auditLog.event }).from(auditLog);
    expect(left.map((row) => row.event)).toEqual(['recent']);
    expect((await verifyAuditChain(handle.db)).isIntact).toBe(true);
    await handle.close();
  });
});

describe('kechuang audit-verify', () => {
  it('exits 0 on an intact chain and names the tampered row otherwise', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-audit-'));
    const handle = await openDatabase({ dataDir });
    await handle.migrate();
    for (let index = 0; index < 5; index++)
      await recordAudit(handle.db, systemContext, { event: `cli.test.${index}` });
    await sealAuditChain(handle.db);
    await handle.close();
    const main = path.resolve(import.meta.dirname, '../../main.ts');
    const env = { ...process.env, KECHUANG_DATA_DIR: dataDir, DATABASE_URL: '' };
    const intact = await run(process.execPath, ['--import', 'tsx', main, 'audit-verify'], { env });
    expect(intact.stdout).toContain('审计日志完整');

    const reopened = await openDatabase({ dataDir });
    const [third] = await reopened.db.select().from(auditLog).where(eq(auditLog.event, 'cli.test.2'));
    await reopened.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await reopened.db.execute(sql`update audit_log set event = 'cli.test.forged' where id = ${third.id}`);
    await reopened.close();
    const broken = await run(process.execPath, ['--import', 'tsx', main, 'audit-verify'], { env }).catch(
      (error) => error,
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`第 ${third.id} 条`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
