// Child process of the deadline-day benchmark: one app instance on PGlite or PostgreSQL, seeded with
// staff and enterprise accounts (sessions made directly, so no password hashing is measured), and
// the raw single-insert baseline run on the same database. Talks to deadline-day.ts over IPC.
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app';
import { hashPassword } from '../server/src/core/passwords';
import { createSession } from '../server/src/core/sessions';
import { openDatabase } from '../server/src/db/connection';
import { enterprises, users } from '../server/src/db/schema';
import { nextCreditCode } from '../server/src/test/factories';

export interface DeadlineSpec {
  databaseUrl?: string;
  enterprises: number;
}

export type DeadlineRequest =
  | { type: 'baseline'; count: number; concurrency: number; payloadBytes: number; content: unknown }
  | { type: 'verify' }
  | { type: 'stop' };

export type DeadlineMessage =
  | { type: 'ready'; url: string; staffCookie: string; enterpriseCookies: string[] }
  | { type: 'baseline'; inserted: number; seconds: number; latenciesMs: number[] }
  | {
      type: 'verify';
      submitted: number;
      distinctNumbers: number;
      perEnterpriseMax: number;
      attachments: number;
    }
  | { type: 'error'; message: string };

function send(message: DeadlineMessage): void {
  process.send?.(message);
}

type Rows<T> = { rows: T[] };

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as DeadlineSpec;
  const handle = await openDatabase(
    spec.databaseUrl ? { databaseUrl: spec.databaseUrl } : { dataDir: 'memory://' },
  );
  await handle.migrate();
  const db = handle.db;
  const passwordHash = await hashPassword('Bench@2026pass');
  const [staff] = await db
    .insert(users)
    .values({
      username: 'bench-staff',
      displayName: '基准测试科员',
      role: 'staff',
      passwordHash,
      mustChangePassword: false,
    })
    .returning({ id: users.id });
  const staffCookie = `kc_session=${await createSession(db, { userId: staff.id, ip: null, userAgent: 'bench' })}`;
  const enterpriseCookies: string[] = [];
  for (let index = 0; index < spec.enterprises; index++) {
    const creditCode = nextCreditCode();
    const [enterprise] = await db
      .insert(enterprises)
      .values({
        creditCode,
        name: `基准测试企业${String(index + 1).padStart(4, '0')}`,
        status: 'verified',
        contactName: '申报联系人',
        contactPhone: '13800000000',
      })
      .returning({ id: enterprises.id });
    const [user] = await db
      .insert(users)
      .values({
        username: creditCode,
        displayName: `企业${index + 1}`,
        role: 'enterprise',
        enterpriseId: enterprise.id,
        passwordHash,
        mustChangePassword: false,
      })
      .returning({ id: users.id });
    enterpriseCookies.push(
      `kc_session=${await createSession(db, { userId: user.id, ip: null, userAgent: 'bench' })}`,
    );
  }
  await db.execute(
    sql`create table bench_raw_submissions (id serial primary key, enterprise_id integer not null, content jsonb not null, bytes bytea not null, created_at timestamptz not null default now())`,
  );
  const { app } = await buildApp({ db, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  send({ type: 'ready', url, staffCookie, enterpriseCookies });

  process.on('message', (request: DeadlineRequest) => {
    handleRequest(request).catch((error) => send({ type: 'error', message: String(error?.stack ?? error) }));
  });
  process.on('disconnect', () => process.exit(0));

  async function handleRequest(request: DeadlineRequest): Promise<void> {
    if (request.type === 'stop') {
      await app.close();
      await handle.close();
      process.exit(0);
    }
    if (request.type === 'baseline') {
      // The floor: the same payload (form JSON + file bytes) as single-row inserts, with the same concurrency.
      const bytes = Buffer.alloc(request.payloadBytes, 0x41);
      const content = JSON.stringify(request.content);
      const latenciesMs: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: request.concurrency }, async () => {
          while (next < request.count) {
            const enterpriseId = next++;
            const begin = performance.now();
            await db.execute(
              sql`insert into bench_raw_submissions (enterprise_id, content, bytes) values (${enterpriseId}, ${content}::jsonb, ${bytes})`,
            );
            latenciesMs.push(performance.now() - begin);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      send({ type: 'baseline', inserted: latenciesMs.length, seconds, latenciesMs });
      return;
    }
    if (request.type === 'verify') {
      const [counts] = (
        (await db.execute(sql`
          select
            count(*) filter (where status = 'submitted')::int as submitted,
            count(distinct application_no)::int as distinct_numbers,
            coalesce(max(per_enterprise), 0)::int as per_enterprise_max
          from project_applications
          cross join lateral (
            select count(*) as per_enterprise from project_applications other
            where other.enterprise_id = project_applications.enterprise_id
          ) counted
        `)) as unknown as Rows<{ submitted: number; distinct_numbers: number; per_enterprise_max: number }>
      ).rows;
      const [files] = (
        (await db.execute(
          sql`select count(*)::int as attachments from stored_files where purpose = 'application-attachment'`,
        )) as unknown as Rows<{ attachments: number }>
      ).rows;
      send({
        type: 'verify',
        submitted: counts.submitted,
        distinctNumbers: counts.distinct_numbers,
        perEnterpriseMax: counts.per_enterprise_max,
        attachments: files.attachments,
      });
    }
  }
}

main().catch((error) => {
  send({ type: 'error', message: String(error?.stack ?? error) });
  process.exit(1);
});
