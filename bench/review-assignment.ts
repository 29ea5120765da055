// `npm run bench:review -w bench` (or `npx tsx bench/review-assignment.ts`): expert assignment at scale.
// 10,000 applications × 3,000 experts, 5 reviewers each, load cap 20, ~2 % of pairs in conflict, affinity
// from field overlap. Each method runs in its own child process so that its time and peak memory are its own.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import {
  type AssignmentExpert,
  type AssignmentItem,
  type AssignmentResult,
  assignReviewersGreedily,
  assignReviewersOptimally,
  buildUscc,
  createSeededRandom,
  drawReviewersAtRandom,
} from '@kechuang/domain';

const ITEMS = readNumber('BENCH_REVIEW_ITEMS', 10_000);
const EXPERTS = readNumber('BENCH_REVIEW_EXPERTS', 3_000);
const REVIEWERS = readNumber('BENCH_REVIEW_REVIEWERS', 5);
const LOAD_CAP = readNumber('BENCH_REVIEW_LOAD_CAP', 20);
const CONFLICT_PERCENT = 2;
const FIELD_COUNT = 60;
const ORGANISATION_COUNT = 400;
const DATA_SEED = 20_240_601;
const DRAW_SEED = 7;
const METHODS = ['optimal', 'random', 'greedy'] as const;
type Method = (typeof METHODS)[number];

interface BenchItem extends AssignmentItem {
  index: number;
}
interface BenchExpert extends AssignmentExpert {
  index: number;
}

interface MethodReport {
  method: Method;
  status: AssignmentResult['status'];
  generateMs: number;
  seconds: number;
  totalAffinity: number | null;
  worstServedItem: string | null;
  repairedSeats: number | null;
  solverPhases: number | null;
  candidatePairs: number | null;
  peakHeapMiB: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
}

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const mebibytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Deterministic instance: Zipf-like field popularity, organisations of very different sizes. */
function generateInstance() {
  const random = createSeededRandom(DATA_SEED);
  const weights = Array.from({ length: FIELD_COUNT }, (_, field) => 1 / (field + 3) ** 0.8);
  const cumulative: number[] = [];
  weights.reduce((sum, weight, field) => (cumulative[field] = sum + weight), 0);
  const totalWeight = cumulative[FIELD_COUNT - 1];
  const uniform = () => random.nextBelow(1 << 30) / (1 << 30);
  const drawField = () => {
    const target = uniform() * totalWeight;
    let field = 0;
    while (cumulative[field] < target) field++;
    return `F${String(field).padStart(2, '0')}`;
  };
  const drawFields = (count: number) => {
    const fields = new Set<string>();
    while (fields.size < count) fields.add(drawField());
    return [...fields];
  };
  const organisations = Array.from({ length: ORGANISATION_COUNT }, (_, index) => ({
    name: `评审单位${index}`,
    creditCode: buildUscc('370811', `MA${String(index).padStart(7, '0')}`),
  }));
  const items: BenchItem[] = Array.from({ length: ITEMS }, (_, index) => ({
    id: `A${String(index).padStart(6, '0')}`,
    index,
    fields: drawFields(1 + random.nextBelow(3)),
  }));
  const experts: BenchExpert[] = Array.from({ length: EXPERTS }, (_, index) => ({
    id: `E${String(index).padStart(5, '0')}`,
    index,
    fields: drawFields(2 + random.nextBelow(3)),
    // Squaring a uniform draw makes the low-numbered organisations large (a few universities, many firms).
    organisation: organisations[Math.floor(uniform() ** 2 * ORGANISATION_COUNT)],
  }));
  return { items, experts };
}

/** About CONFLICT_PERCENT % of all pairs, spread by a hash so that no data structure of 30 M pairs is needed. */
function isConflicted(item: BenchItem, expert: BenchExpert): boolean {
  let hash = Math.imul(item.index + 1, 0x9e3779b1) ^ Math.imul(expert.index + 1, 0x85ebca77);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash ^= hash >>> 13;
  return (hash >>> 0) % 100 < CONFLICT_PERCENT;
}

async function runMethod(method: Method): Promise<MethodReport> {
  const generateStart = performance.now();
  const { items, experts } = generateInstance();
  const generateMs = Math.round(performance.now() - generateStart);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const input = { items, experts, reviewersPerItem: REVIEWERS, loadCap: LOAD_CAP, isConflicted };
  const options = { onProgress: sample };
  const start = performance.now();
  const result =
    method === 'optimal'
      ? await assignReviewersOptimally(input, options)
      : method === 'random'
        ? await drawReviewersAtRandom({ ...input, seed: DRAW_SEED }, options)
        : await assignReviewersGreedily(input, options);
  const seconds = (performance.now() - start) / 1000;
  sample();
  const assigned = result.status === 'assigned' ? result : null;
  return {
    method,
    status: result.status,
    generateMs,
    seconds: Math.round(seconds * 100) / 100,
    totalAffinity: assigned?.totalAffinity ?? null,
    worstServedItem: assigned?.worstServedItem?.reason.en ?? null,
    repairedSeats: assigned?.repairedSeats ?? null,
    solverPhases: assigned?.solverPhases ?? null,
    candidatePairs: assigned?.candidatePairs ?? null,
    peakHeapMiB: mebibytes(peakHeap),
    // maxRSS is the whole child's peak, including the generated instance (rssBeforeMiB).
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMiB: mebibytes(rssBefore),
  };
}

function runInChild(method: Method): MethodReport {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', import.meta.filename, '--method', method],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  if (child.status !== 0) throw new Error(`${method} run failed with exit code ${child.status}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as MethodReport;
}

async function main(): Promise<void> {
  const methodIndex = process.argv.indexOf('--method');
  if (methodIndex !== -1) {
    const method = process.argv[methodIndex + 1] as Method;
    if (!METHODS.includes(method)) throw new Error(`unknown method ${method}`);
    process.stdout.write(`${JSON.stringify(await runMethod(method))}\n`);
    return;
  }
  process.stderr.write(
    `[bench:review] ${ITEMS} items × ${EXPERTS} experts, ${REVIEWERS} reviewers each, load cap ${LOAD_CAP}, ~${CONFLICT_PERCENT} % conflicts\n`,
  );
  const reports = METHODS.map((method) => {
    process.stderr.write(`[bench:review] ${method}…\n`);
    return runInChild(method);
  });
  const optimal = reports.find((report) => report.method === 'optimal');
  const ratio = (report: MethodReport) =>
    optimal?.totalAffinity && report.totalAffinity !== null
      ? Math.round((report.totalAffinity / optimal.totalAffinity) * 1000) / 1000
      : null;
  const lines = [
    '',
    `Expert assignment — ${ITEMS} items × ${EXPERTS} experts × ${REVIEWERS} reviewers, load cap ${LOAD_CAP} (Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'})`,
    '',
    '| method | status | seconds | total affinity | / optimal | repaired seats | phases | peak heap MiB | peak RSS MiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...reports.map(
      (report) =>
        `| ${report.method} | ${report.status} | ${report.seconds} | ${report.totalAffinity ?? '—'} | ${ratio(report) ?? '—'} | ${report.repairedSeats ?? '—'} | ${report.solverPhases ?? '—'} | ${report.peakHeapMiB} | ${report.peakRssMiB} |`,
    ),
    '',
    `Candidate pairs (shared field, no conflict): ${optimal?.candidatePairs ?? '—'}; instance generated in ${optimal?.generateMs ?? '—'} ms, RSS before the run ${optimal?.rssBeforeMiB ?? '—'} MiB.`,
    `Optimal: ${optimal?.worstServedItem ?? '—'}.`,
    '',
    JSON.stringify({ benchmark: 'review-assignment', items: ITEMS, experts: EXPERTS, reports }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:review] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
