// `npm run bench`: how much slower is the enterprise list than a bare Fastify route, and PGlite than PostgreSQL?
// Every figure comes from this one run on this machine; only the ratios are meant to be compared across runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkList, LIST_PATH, logInAsStaff } from './http-list';
import { type LoadOptions, type LoadResult, load, round } from './measure';
import { createTempDatabase, DEFAULT_POSTGRES_URL } from './postgres';
import type { TargetSpec } from './protocol';
import { type RunningTarget, startTarget } from './targets';

const ENTERPRISE_COUNT = readNumber('BENCH_ENTERPRISES', 2000);
const LOAD: LoadOptions = {
  connections: readNumber('BENCH_CONNECTIONS', 10),
  durationSeconds: readNumber('BENCH_DURATION', 8),
  warmupSeconds: readNumber('BENCH_WARMUP', 2),
};
const POSTGRES_URL = process.env.KECHUANG_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;

interface Measured extends LoadResult {
  target: string;
  path: string;
  setupMs: number;
  seedMs: number;
}

interface Ratio {
  reqPerSec: number | null;
  p99: number | null;
  /** The denominator's p99 sits at autocannon's 1 ms resolution, so the p99 ratio is only a lower bound. */
  p99IsLowerBound: boolean;
}

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Starts a target, measures one path on it and always stops it again. */
async function measureTarget(
  label: string,
  spec: TargetSpec,
  requestPath: string,
  authenticate: boolean,
): Promise<Measured & { fastifyVersion: string }> {
  log(
    `${label}: starting${spec.kind === 'kechuang' ? ` and seeding ${spec.enterpriseCount} enterprises` : ''}`,
  );
  const target: RunningTarget = await startTarget(spec);
  try {
    const headers: Record<string, string> = {};
    if (authenticate) {
      headers.cookie = await logInAsStaff(target.url);
      await checkList(target.url, headers.cookie, ENTERPRISE_COUNT);
    }
    log(
      `${label}: ready in ${Math.round(target.setupMs)} ms; ${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s`,
    );
    const result = await load(new URL(requestPath, target.url).toString(), LOAD, headers);
    return {
      target: label,
      path: requestPath,
      setupMs: Math.round(target.setupMs),
      seedMs: Math.round(target.seedMs),
      fastifyVersion: target.fastifyVersion,
      ...result,
    };
  } finally {
    await target.stop();
  }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round(numerator / denominator, 3) : null;
}

function compare(a: LoadResult, b: LoadResult): Ratio {
  return {
    reqPerSec: ratio(a.reqPerSec, b.reqPerSec),
    p99: ratio(a.p99Ms, b.p99Ms),
    p99IsLowerBound: b.p99Ms <= 1,
  };
}

function formatRatio(value: number | null, lowerBound = false): string {
  if (value === null) return 'n/a (denominator 0 ms)';
  return lowerBound ? `≥ ${value}` : `${value}`;
}

function ratioRow(label: string, value: Ratio): string {
  return `| ${label} | ${formatRatio(value.reqPerSec)} | ${formatRatio(value.p99, value.p99IsLowerBound)} |`;
}

function table(rows: Measured[]): string[] {
  const lines = [
    '| target | path | req/s | p50 ms | p99 ms | mean ms | requests | seed ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.target} | ${row.path} | ${row.reqPerSec} | ${row.p50Ms} | ${row.p99Ms} | ${row.meanMs} | ${row.requests} | ${row.seedMs} |`,
    );
  return lines;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const kechuang = (databaseUrl?: string): TargetSpec => ({
    kind: 'kechuang',
    enterpriseCount: ENTERPRISE_COUNT,
    ...(databaseUrl ? { databaseUrl } : {}),
  });

  const hello = await measureTarget('hello', { kind: 'hello' }, '/hello', false);
  const pglite = await measureTarget('list-pglite', kechuang(), LIST_PATH, true);

  let postgres: (Measured & { fastifyVersion: string }) | null = null;
  let postgresSkipped: string | null = null;
  const database = await createTempDatabase(POSTGRES_URL);
  if (!database.available) {
    postgresSkipped = `PostgreSQL not reachable (${database.reason})`;
    log(postgresSkipped);
  } else {
    try {
      postgres = await measureTarget('list-postgres', kechuang(database.url), LIST_PATH, true);
    } finally {
      await database.drop();
    }
  }

  const ratios = {
    pgliteListOverHello: compare(pglite, hello),
    postgresListOverHello: postgres ? compare(postgres, hello) : null,
    pgliteOverPostgres: postgres ? compare(pglite, postgres) : null,
  };
  const report = {
    benchmark: 'enterprise-list-vs-hello',
    startedAt: startedAt.toISOString(),
    elapsedSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
    environment: {
      node: process.version,
      fastify: hello.fastifyVersion,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.release()}`,
    },
    config: { enterpriseCount: ENTERPRISE_COUNT, ...LOAD, listPath: LIST_PATH },
    results: { hello, pglite, postgres },
    postgresSkipped,
    ratios,
  };

  const lines = [
    '',
    `Enterprise list vs bare Fastify — ${ENTERPRISE_COUNT} enterprises, ${LOAD.connections} connections, ${LOAD.durationSeconds} s per target (Node ${process.version}, Fastify ${hello.fastifyVersion})`,
    '',
    ...table([hello, pglite, ...(postgres ? [postgres] : [])]),
    '',
    '| ratio | req/s | p99 |',
    '|---|---:|---:|',
    ratioRow('list on PGlite / hello', ratios.pgliteListOverHello),
  ];
  if (ratios.postgresListOverHello && ratios.pgliteOverPostgres)
    lines.push(
      ratioRow('list on PostgreSQL / hello', ratios.postgresListOverHello),
      ratioRow('PGlite / PostgreSQL (list)', ratios.pgliteOverPostgres),
    );
  else lines.push('', `PostgreSQL part did not run: ${postgresSkipped}`);
  if (ratios.pgliteListOverHello.p99IsLowerBound)
    lines.push('', '≥: hello p99 is at the 1 ms histogram resolution, so that p99 ratio is a lower bound.');
  const json = JSON.stringify(report);
  lines.push('', json);
  process.stdout.write(`${lines.join('\n')}\n`);

  const resultsDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`written ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
