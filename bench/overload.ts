// `npm run bench:overload -w bench`: the enterprise list on PostgreSQL driven far past its capacity.
// Measured in one run: the rate at 10 connections (the baseline), then at BENCH_OVERLOAD_CONNECTIONS
// with the in-flight limit set low, then at 10 again. What matters is the shape: under overload the
// server keeps answering at about its baseline rate, refuses the excess at once with 503 + Retry-After
// rather than queueing it, never answers 500, and is back to its baseline as soon as the load drops.
import autocannon from 'autocannon';
import { checkList, LIST_PATH, logInAsStaff } from './http-list';
import { round } from './measure';
import { createTempDatabase, DEFAULT_POSTGRES_URL } from './postgres';
import { startTarget } from './targets';

// The demo district's size; larger counts need the statistics seeding of #16.
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 320);
const OVERLOAD_CONNECTIONS = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 400);
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);

interface Phase {
  connections: number;
  servedPerSec: number;
  refusedPerSec: number;
  p50Ms: number;
  p99Ms: number;
  byStatus: Record<string, number>;
  errors: number;
  timeouts: number;
}

async function drive(url: string, cookie: string, connections: number): Promise<Phase> {
  const result = await autocannon({
    url,
    headers: { cookie },
    connections,
    duration: DURATION,
    warmup: { connections, duration: 2 },
    timeout: 10,
  });
  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count]),
  );
  const seconds = result.duration || DURATION;
  return {
    connections,
    servedPerSec: round((byStatus['200'] ?? 0) / seconds, 1),
    refusedPerSec: round((byStatus['503'] ?? 0) / seconds, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main(): Promise<void> {
  const database = await createTempDatabase(process.env.KECHUANG_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL);
  if (!database.available) throw new Error(`PostgreSQL is needed: ${database.reason}`);
  process.env.KECHUANG_MAX_IN_FLIGHT = String(MAX_IN_FLIGHT);
  const target = await startTarget(
    { kind: 'kechuang', enterpriseCount: ENTERPRISES, databaseUrl: database.url },
    180_000,
  );
  try {
    const cookie = await logInAsStaff(target.url);
    await checkList(target.url, cookie, ENTERPRISES);
    const url = new URL(LIST_PATH, target.url).toString();
    const baseline = await drive(url, cookie, 10);
    const overload = await drive(url, cookie, OVERLOAD_CONNECTIONS);
    const after = await drive(url, cookie, 10);
    const health = await fetch(new URL('/api/health', target.url));
    const otherFailures = Object.entries(overload.byStatus)
      .filter(([status]) => status !== '200' && status !== '503')
      .reduce((sum, [, count]) => sum + count, 0);
    const lines = [
      '',
      `Enterprise list on PostgreSQL driven past capacity — ${ENTERPRISES} enterprises, in-flight limit ${MAX_IN_FLIGHT}, ${DURATION} s per phase`,
      '',
      '| phase | connections | served req/s | refused (503) req/s | p50 ms | p99 ms | answers by status | errors | timeouts |',
      '|---|---:|---:|---:|---:|---:|---|---:|---:|',
      ...[
        ['baseline', baseline],
        ['overload', overload],
        ['after', after],
      ].map(
        ([label, phase]) =>
          `| ${label} | ${(phase as Phase).connections} | ${(phase as Phase).servedPerSec} | ${(phase as Phase).refusedPerSec} | ${(phase as Phase).p50Ms} | ${(phase as Phase).p99Ms} | ${JSON.stringify((phase as Phase).byStatus)} | ${(phase as Phase).errors} | ${(phase as Phase).timeouts} |`,
      ),
      '',
      `served under overload / baseline: ${round(overload.servedPerSec / baseline.servedPerSec, 3)}`,
      `after / baseline: ${round(after.servedPerSec / baseline.servedPerSec, 3)}`,
      `answers other than 200 and 503 under overload: ${otherFailures}; health during the run's end: ${health.status}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (otherFailures > 0 || overload.timeouts > 0) process.exitCode = 1;
  } finally {
    await target.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
