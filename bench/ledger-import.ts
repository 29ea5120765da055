// `npm run bench:ledger -w bench` (or `npx tsx bench/ledger-import.ts`): import of a 100,000-row
// 技术合同登记台账 through the import's own code path, against exceljs parsing the same file alone.
// Each part runs in its own child process, so its time and peak memory are its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildUscc,
  createSeededRandom,
  DEFAULT_REGISTRATION_NUMBER_FORMAT,
  formatRegistrationNumber,
  TECH_CONTRACT_CATEGORIES,
  techCategoryLabel,
  USCC_CHARSET,
} from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { runImportJob } from '../server/src/core/excel-import';
import { openDatabase } from '../server/src/db/connection';
import { enterprises, importJobs, techContracts, users } from '../server/src/db/schema';
import { techContractLedgerImport } from '../server/src/modules/tech-transfer/ledger-import';

const ROWS = readNumber('BENCH_LEDGER_ROWS', 100_000);
const SELLERS = readNumber('BENCH_LEDGER_SELLERS', 2_000);
const PARTS = ['exceljs', 'import'] as const;
type Part = (typeof PARTS)[number];

interface PartReport {
  part: Part;
  seconds: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  rows: number;
  status?: string;
}

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const mebibytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** 万元 with two decimals, as a number cell (the amounts are whole 100 元). */
const wan = (fen: number) => Number((fen / 1_000_000).toFixed(2));

function sellerCodes(): string[] {
  const random = createSeededRandom(20_211_231);
  const codes = new Set<string>();
  while (codes.size < SELLERS) {
    let body = 'MA';
    for (let i = 0; i < 7; i++) body += USCC_CHARSET[random.nextBelow(31)];
    codes.add(buildUscc('370811', body));
  }
  return [...codes];
}

/** A year's ledger as a registry keeps it: title row, Chinese headers, amounts in 万元, a 合计 row. */
async function writeLedger(file: string, codes: readonly string[]): Promise<void> {
  const random = createSeededRandom(7);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['2021年度技术合同登记台账（任城区技术合同登记处）']).commit();
  sheet
    .addRow([
      '序号',
      '合同登记编号',
      '项目名称',
      '卖方名称',
      '卖方统一社会信用代码',
      '买方名称',
      '合同类别',
      '合同成交额（万元）',
      '技术交易额（万元）',
      '登记日期',
    ])
    .commit();
  let contractFen = 0;
  let techFen = 0;
  for (let index = 0; index < ROWS; index++) {
    const seller = codes[index % codes.length];
    const contract = (1 + random.nextBelow(50_000)) * 10_000;
    const tech = contract - Math.floor((contract * random.nextBelow(30)) / 100 / 10_000) * 10_000;
    contractFen += contract;
    techFen += tech;
    const month = 1 + (index % 12);
    sheet
      .addRow([
        index + 1,
        formatRegistrationNumber(DEFAULT_REGISTRATION_NUMBER_FORMAT, 2021, index + 1),
        `第${index + 1}号 工业过程优化技术开发`,
        `卖方企业${index % codes.length}有限公司`,
        seller,
        `买方单位${index % 997}有限公司`,
        techCategoryLabel(TECH_CONTRACT_CATEGORIES[index % TECH_CONTRACT_CATEGORIES.length]).zh,
        wan(contract),
        wan(tech),
        `2021-${String(month).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
      ])
      .commit();
  }
  sheet.addRow(['合计', '', '', '', '', '', '', wan(contractFen), wan(techFen), '']).commit();
  await workbook.commit();
}

async function runPart(part: Part, file: string): Promise<PartReport> {
  const buffer = fs.readFileSync(file);
  if (part === 'exceljs') {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].actualRowCount;
    return {
      part,
      seconds: (performance.now() - started) / 1000,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      rssBeforeMiB: mebibytes(rssBefore),
      rows,
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  const { db } = handle;
  const codes = sellerCodes();
  for (let start = 0; start < codes.length; start += 500) {
    await db.insert(enterprises).values(
      codes.slice(start, start + 500).map((creditCode, offset) => ({
        creditCode,
        name: `卖方企业${start + offset}有限公司`,
        status: 'verified',
        contactName: '联系人',
        contactPhone: '13800000000',
      })),
    );
  }
  const [staff] = await db
    .insert(users)
    .values({ username: 'bench-staff', displayName: '登记员', role: 'staff', passwordHash: 'x' })
    .returning();
  const [job] = await db
    .insert(importJobs)
    .values({
      kind: techContractLedgerImport.kind,
      status: 'validating',
      fileName: path.basename(file),
      createdBy: staff.id,
    })
    .returning();
  const context = {
    actor: {
      userId: staff.id,
      username: staff.username,
      role: 'staff' as const,
      displayName: staff.displayName,
      enterpriseId: null,
    },
    language: 'zh-CN' as const,
    requestId: 'bench',
    ip: '127.0.0.1',
  };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await runImportJob(db, { definition: techContractLedgerImport, jobId: job.id, buffer, context });
  const seconds = (performance.now() - started) / 1000;
  const [done] = await db.select().from(importJobs).where(eq(importJobs.id, job.id));
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(techContracts);
  if (done.status !== 'done')
    process.stderr.write(`[bench:ledger] import failed: ${JSON.stringify(done.errors).slice(0, 500)}\n`);
  await handle.close();
  return {
    part,
    seconds,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMiB: mebibytes(rssBefore),
    rows: total,
    status: done.status,
  };
}

function runInChild(part: Part, file: string): PartReport {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', import.meta.filename, '--part', part, '--file', file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env, maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`${part} run failed with exit code ${child.status}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as PartReport;
}

async function main(): Promise<void> {
  const partIndex = process.argv.indexOf('--part');
  if (partIndex !== -1) {
    const part = process.argv[partIndex + 1] as Part;
    const file = process.argv[process.argv.indexOf('--file') + 1];
    process.stdout.write(`${JSON.stringify(await runPart(part, file))}\n`);
    return;
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-ledger-'));
  const file = path.join(directory, `技术合同登记台账-${ROWS}.xlsx`);
  try {
    const started = performance.now();
    await writeLedger(file, sellerCodes());
    const bytes = fs.statSync(file).size;
    process.stderr.write(
      `[bench:ledger] ${ROWS} rows, ${SELLERS} sellers: ${mebibytes(bytes)} MiB xlsx written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    if (process.env.BENCH_LEDGER_WRITE_ONLY) {
      fs.copyFileSync(file, process.env.BENCH_LEDGER_WRITE_ONLY);
      return;
    }
    const reports = PARTS.map((part) => {
      process.stderr.write(`[bench:ledger] ${part}…\n`);
      return runInChild(part, file);
    });
    const [parse, imported] = reports;
    const result = {
      rows: ROWS,
      fileMiB: Math.round((bytes / 1024 / 1024) * 10) / 10,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
      reports,
      ratio: {
        time: Math.round((imported.seconds / parse.seconds) * 100) / 100,
        peakRss: Math.round((imported.peakRssMiB / parse.peakRssMiB) * 100) / 100,
        // Above what each process held before its run (the import's process holds PGlite too).
        addedRss:
          Math.round(
            ((imported.peakRssMiB - imported.rssBeforeMiB) / (parse.peakRssMiB - parse.rssBeforeMiB)) * 100,
          ) / 100,
      },
    };
    console.table(
      reports.map((report) => ({
        part: report.part,
        seconds: report.seconds.toFixed(2),
        'peak RSS MiB': report.peakRssMiB,
        'RSS before MiB': report.rssBeforeMiB,
        'added MiB': report.peakRssMiB - report.rssBeforeMiB,
        rows: report.rows,
        status: report.status ?? '',
      })),
    );
    process.stderr.write(
      `[bench:ledger] import / exceljs parse alone: time ×${result.ratio.time}, peak RSS ×${result.ratio.peakRss}, added RSS ×${result.ratio.addedRss}\n`,
    );
    console.log(JSON.stringify(result));
    if (imported.status !== 'done' || imported.rows !== ROWS) process.exitCode = 1;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

await main();
