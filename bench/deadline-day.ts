// `npm run bench:deadline -w bench`: the last hours before a call closes. Many enterprises at once
// create their application, upload a 1 MB attachment, save the form and submit — on PGlite and on
// PostgreSQL — against the floor of single-row inserts of the same payload on the same database in
// the same run. Then it checks that no submission was lost or duplicated.
import { type ChildProcess, fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { computeIdNumberCheckCharacter } from '@kechuang/domain';
import type { DeadlineMessage, DeadlineRequest, DeadlineSpec } from './deadline-target';
import { round } from './measure';
import { createTempDatabase, DEFAULT_POSTGRES_URL } from './postgres';

const ENTERPRISES = readNumber('BENCH_DEADLINE_ENTERPRISES', 200);
const CONCURRENCY = readNumber('BENCH_DEADLINE_CONCURRENCY', 40);
const ATTACHMENT_BYTES = readNumber('BENCH_DEADLINE_ATTACHMENT_BYTES', 1024 * 1024);
/** Every tenth enterprise double-clicks submit: two requests with one Idempotency-Key. */
const DOUBLE_CLICK_EVERY = 10;
const WAN = 1_000_000;

function readNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function log(line: string): void {
  process.stderr.write(`[deadline] ${line}\n`);
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)], 1);
}

function idNumber(sequence: number): string {
  const first17 = `370811198${sequence % 10}0${(sequence % 9) + 1}1${String(sequence % 10)}${String(sequence).padStart(3, '0').slice(-3)}`;
  return first17 + computeIdNumberCheckCharacter(first17);
}

function content(sequence: number, fileId: number | null) {
  const year = new Date().getUTCFullYear();
  return {
    basics: {
      title: `智能制造关键技术研究（${sequence}）`,
      industry: 'advanced-manufacturing',
      summary: '研究数字化工艺与在线检测技术，形成示范生产线，提升产品一致性与可靠性。'.repeat(4),
      startOn: `${year}-07-01`,
      endOn: `${year + 2}-06-30`,
      partners: [],
    },
    team: [
      {
        name: '张立',
        role: 'principal',
        idNumber: idNumber(sequence),
        title: '高级工程师',
        organisation: '',
        workloadMonths: 8,
        task: '总体负责',
      },
      {
        name: '李敏',
        role: 'core',
        idNumber: null,
        title: '工程师',
        organisation: '',
        workloadMonths: 6,
        task: '工艺研究',
      },
    ],
    budget: {
      rows: [
        { category: 'equipment', fiscalFen: 30 * WAN, selfRaisedFen: 60 * WAN, otherFen: 0 },
        { category: 'business', fiscalFen: 15 * WAN, selfRaisedFen: 30 * WAN, otherFen: 5 * WAN },
        { category: 'labour', fiscalFen: 5 * WAN, selfRaisedFen: 10 * WAN, otherFen: 0 },
      ],
      totals: { fiscalFen: 50 * WAN, selfRaisedFen: 100 * WAN, otherFen: 5 * WAN },
    },
    milestones: [{ dueOn: `${year + 1}-06-30`, description: '完成工艺验证' }],
    targets: [{ name: '加工精度', kind: 'technical', unit: 'μm', value: '≤5' }],
    attachments: fileId === null ? [] : [{ fileId, kind: 'other' }],
    excludedExperts: [],
  };
}

/** A PDF of the given size: a valid header, then filler. */
function pdfOfSize(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n');
  const tail = Buffer.from('\ntrailer<<>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x20), tail]);
}

class Target {
  private waiting: ((message: DeadlineMessage) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (message: DeadlineMessage) => this.waiting.shift()?.(message));
  }
  static async start(
    spec: DeadlineSpec,
  ): Promise<{ target: Target; ready: Extract<DeadlineMessage, { type: 'ready' }> }> {
    const child = fork(path.join(import.meta.dirname, 'deadline-target.ts'), [JSON.stringify(spec)], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const target = new Target(child);
    const ready = await target.next();
    if (ready.type !== 'ready')
      throw new Error(ready.type === 'error' ? ready.message : 'target did not start');
    return { target, ready };
  }
  next(): Promise<DeadlineMessage> {
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
    });
  }
  async ask(request: DeadlineRequest): Promise<DeadlineMessage> {
    const answer = this.next();
    this.child.send(request);
    const message = await answer;
    if (message.type === 'error') throw new Error(message.message);
    return message;
  }
  stop(): void {
    if (this.child.connected) this.child.send({ type: 'stop' });
  }
}

/** The parts of the API's answers the run reads: created rows and application details. */
interface AnswerBody {
  id: number;
  version: number;
  application: { id: number; version: number };
}

interface Answer {
  status: number;
  json: AnswerBody;
  ms: number;
}

async function call(
  baseUrl: string,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const begin = performance.now();
  const response = await fetch(new URL(url, baseUrl), {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as AnswerBody,
    ms: performance.now() - begin,
  };
}

function expectStatus(step: string, answer: { status: number; json: unknown }, expected: number): void {
  if (answer.status !== expected)
    throw new Error(`${step} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
}

interface RunResult {
  database: string;
  enterprises: number;
  concurrency: number;
  attachmentBytes: number;
  baseline: { insertsPerSec: number; p99Ms: number };
  app: {
    submissionsPerSec: number;
    journeyP99Ms: number;
    submitP99Ms: number;
    uploadP99Ms: number;
    saveP99Ms: number;
  };
  ratio: { submissionsPerSecToInsertsPerSec: number; submitP99ToInsertP99: number };
  checks: {
    acknowledged: number;
    submitted: number;
    distinctNumbers: number;
    perEnterpriseMax: number;
    attachments: number;
    lost: number;
    duplicated: number;
  };
}

async function run(database: string, databaseUrl: string | undefined): Promise<RunResult> {
  log(`${database}: seeding ${ENTERPRISES} enterprises`);
  const { target, ready } = await Target.start({ databaseUrl, enterprises: ENTERPRISES });
  try {
    const base = ready.url;
    const staff = ready.staffCookie;
    const category = await call(base, staff, 'POST', '/api/plan/categories', {
      code: `bench-${process.pid}`,
      name: '基准测试计划',
      fundingMode: 'preFunding',
      level: 'district',
    });
    expectStatus('create category', category, 201);
    const now = Date.now();
    const created = await call(base, staff, 'POST', '/api/plan/calls', {
      categoryId: category.json.id,
      year: new Date().getUTCFullYear(),
      title: '截止日基准测试申报通知',
      guideline: '申报条件与要求',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 6 * 3600_000).toISOString(),
      rules: {
        maxRequestFen: 100 * WAN,
        maxApplicationsPerPrincipalPerYear: 10,
        maxRunningProjectsPerPrincipal: 10,
      },
      checklist: ['申报书完整'],
    });
    expectStatus('create call', created, 201);
    const published = await call(base, staff, 'POST', `/api/plan/calls/${created.json.id}/actions/publish`, {
      version: created.json.version,
    });
    expectStatus('publish call', published, 200);
    const callId = created.json.id;

    log(
      `${database}: baseline — ${ENTERPRISES} single-row inserts of ${ATTACHMENT_BYTES} bytes + the form, ${CONCURRENCY} at a time`,
    );
    const baseline = (await target.ask({
      type: 'baseline',
      count: ENTERPRISES,
      concurrency: CONCURRENCY,
      payloadBytes: ATTACHMENT_BYTES,
      content: content(0, 1),
    })) as Extract<DeadlineMessage, { type: 'baseline' }>;

    log(`${database}: ${ENTERPRISES} enterprises create, upload, save and submit, ${CONCURRENCY} at a time`);
    const attachment = pdfOfSize(ATTACHMENT_BYTES);
    const journeys: number[] = [];
    const submits: number[] = [];
    const uploads: number[] = [];
    const saves: number[] = [];
    let acknowledged = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ENTERPRISES) {
          const index = next++;
          const cookie = ready.enterpriseCookies[index];
          const begin = performance.now();
          const draft = await call(
            base,
            cookie,
            'POST',
            '/api/plan/applications',
            { callId },
            {
              'idempotency-key': crypto.randomUUID(),
            },
          );
          expectStatus('create application', draft, 201);
          const id = draft.json.application.id;
          const form = new FormData();
          form.append('file', new Blob([attachment], { type: 'application/pdf' }), `附件-${index}.pdf`);
          const uploadBegin = performance.now();
          const uploaded = await fetch(new URL(`/api/plan/applications/${id}/attachments`, base), {
            method: 'POST',
            headers: { cookie },
            body: form,
          });
          const file = (await uploaded.json()) as { id: number };
          uploads.push(performance.now() - uploadBegin);
          if (uploaded.status !== 201)
            throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(file)}`);
          const saved = await call(base, cookie, 'PUT', `/api/plan/applications/${id}`, {
            version: draft.json.application.version,
            content: content(index + 1, file.id),
          });
          saves.push(saved.ms);
          expectStatus('save application', saved, 200);
          const key = crypto.randomUUID();
          const submitBody = { version: saved.json.application.version };
          const submitOnce = () =>
            call(base, cookie, 'POST', `/api/plan/applications/${id}/submit`, submitBody, {
              'idempotency-key': key,
            });
          const answers =
            index % DOUBLE_CLICK_EVERY === 0
              ? await Promise.all([submitOnce(), submitOnce()])
              : [await submitOnce()];
          for (const answer of answers) {
            submits.push(answer.ms);
            // The second click of a double-click may be told the first is still in progress (409).
            if (answer.status !== 200 && !(answers.length === 2 && answer.status === 409))
              throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.json)}`);
          }
          if (answers.some((answer) => answer.status === 200)) acknowledged += 1;
          journeys.push(performance.now() - begin);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const verified = (await target.ask({ type: 'verify' })) as Extract<DeadlineMessage, { type: 'verify' }>;
    const baselinePerSec = baseline.inserted / baseline.seconds;
    const submissionsPerSec = acknowledged / seconds;
    const baselineP99 = percentile(baseline.latenciesMs, 0.99);
    const submitP99 = percentile(submits, 0.99);
    return {
      database,
      enterprises: ENTERPRISES,
      concurrency: CONCURRENCY,
      attachmentBytes: ATTACHMENT_BYTES,
      baseline: { insertsPerSec: round(baselinePerSec, 1), p99Ms: baselineP99 },
      app: {
        submissionsPerSec: round(submissionsPerSec, 1),
        journeyP99Ms: percentile(journeys, 0.99),
        submitP99Ms: submitP99,
        uploadP99Ms: percentile(uploads, 0.99),
        saveP99Ms: percentile(saves, 0.99),
      },
      ratio: {
        submissionsPerSecToInsertsPerSec: round(submissionsPerSec / baselinePerSec, 3),
        submitP99ToInsertP99: round(submitP99 / baselineP99, 2),
      },
      checks: {
        acknowledged,
        submitted: verified.submitted,
        distinctNumbers: verified.distinctNumbers,
        perEnterpriseMax: verified.perEnterpriseMax,
        attachments: verified.attachments,
        lost: Math.max(0, acknowledged - verified.submitted),
        duplicated:
          Math.max(0, verified.submitted - acknowledged) + Math.max(0, verified.perEnterpriseMax - 1),
      },
    };
  } finally {
    target.stop();
  }
}

async function main(): Promise<void> {
  const results: RunResult[] = [await run('pglite', undefined)];
  const temp = await createTempDatabase(process.env.KECHUANG_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL);
  if (temp.available) {
    try {
      results.push(await run('postgres', temp.url));
    } finally {
      await temp.drop();
    }
  } else {
    log(`PostgreSQL part did not run: ${temp.reason}`);
  }
  console.table(
    results.map((result) => ({
      database: result.database,
      'raw inserts/s': result.baseline.insertsPerSec,
      'raw p99 ms': result.baseline.p99Ms,
      'submissions/s': result.app.submissionsPerSec,
      'submit p99 ms': result.app.submitP99Ms,
      'journey p99 ms': result.app.journeyP99Ms,
      'app/raw throughput': result.ratio.submissionsPerSecToInsertsPerSec,
      'submit p99 / raw p99': result.ratio.submitP99ToInsertP99,
      lost: result.checks.lost,
      duplicated: result.checks.duplicated,
    })),
  );
  const output = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(output, { recursive: true });
  fs.writeFileSync(path.join(output, 'deadline-latest.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results));
  if (results.some((result) => result.checks.lost > 0 || result.checks.duplicated > 0)) {
    log('lost or duplicated submissions');
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    log(String(error?.stack ?? error));
    process.exit(1);
  },
);
