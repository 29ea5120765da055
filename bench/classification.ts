// `npm run bench:classify -w bench`: 摸底调查 over many enterprises with three years of figures each.
// Prints the time and memory of classifying all of them, as a ratio to the raw SQL read of the same figures
// measured in the same run on the same database. Nothing here is a pass/fail threshold.

import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/connection';
import { enterprises, enterpriseYearFigures } from '../server/src/db/schema';
import { generateDemoFigures } from '../server/src/demo/cultivation-demo';
import { runSurvey } from '../server/src/modules/cultivation/checkup-service';

const COUNT = Number(process.env.BENCH_CLASSIFY_ENTERPRISES ?? 100_000);
const YEARS = new Set([2023, 2024, 2025]);
const SIZES = ['micro', 'small', 'small', 'medium', 'large'];
const INDUSTRIES = ['it', 'fine-chemicals', 'food-medicine', 'advanced-manufacturing', 'tech-services'];

function creditCode(index: number): string {
  let body = 'MB';
  let value = index;
  for (let i = 0; i < 7; i++) {
    body += USCC_CHARSET[value % 31];
    value = Math.floor(value / 31);
  }
  return buildUscc('370811', body);
}

function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

const handle = await openDatabase({ dataDir: 'memory://' });
await handle.migrate();
const db = handle.db;
const seedStarted = performance.now();
for (let offset = 0; offset < COUNT; offset += 2000) {
  const batch = Array.from({ length: Math.min(2000, COUNT - offset) }, (_, index) => offset + index);
  const rows = await db
    .insert(enterprises)
    .values(
      batch.map((index) => ({
        creditCode: creditCode(index),
        name: `基准企业${index}`,
        status: 'verified',
        contactName: '基准',
        contactPhone: '13800000000',
        size: SIZES[index % SIZES.length],
        industry: INDUSTRIES[index % INDUSTRIES.length],
        foundedOn: '2012-01-01',
      })),
    )
    .returning({ id: enterprises.id, size: enterprises.size, industry: enterprises.industry });
  const figures = rows.flatMap((row) =>
    generateDemoFigures(
      { id: row.id, size: row.size ?? 'small', industry: row.industry ?? 'it', status: 'verified' },
      row.id,
    ).filter((item) => YEARS.has(item.year)),
  );
  for (let start = 0; start < figures.length; start += 2000)
    await db.insert(enterpriseYearFigures).values(figures.slice(start, start + 2000));
}
const seedMs = performance.now() - seedStarted;

const actor = {
  userId: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'staff' as const,
  enterpriseId: null,
};
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const rawStarted = performance.now();
const raw = await db.execute(
  sql`select e.id, e.founded_on, f.* from enterprises e join enterprise_year_figures f on f.enterprise_id = e.id order by e.id, f.year`,
);
const rawMs = performance.now() - rawStarted;
const rawRows = (raw as unknown as { rows: unknown[] }).rows.length;
const rssAfterRaw = peakRss;

const rssBeforeSurvey = process.memoryUsage().rss;
peakRss = rssBeforeSurvey;
const surveyStarted = performance.now();
const classified = await runSurvey(db, { actor, asOf: '2026-06-30' });
const surveyMs = performance.now() - surveyStarted;
clearInterval(sampler);

const levels = { qualified: 0, close: 0, far: 0 };
for (const row of classified) levels[row.highTechLevel] += 1;
const result = {
  benchmark: 'classify-enterprises',
  enterprises: COUNT,
  figureRows: rawRows,
  seedSeconds: Math.round(seedMs / 100) / 10,
  rawSqlSeconds: Math.round(rawMs / 10) / 100,
  surveySeconds: Math.round(surveyMs / 10) / 100,
  surveyOverRawSql: Math.round((surveyMs / rawMs) * 100) / 100,
  peakRssMiB: { rawSql: mib(rssAfterRaw), survey: mib(peakRss) },
  highTechLevels: levels,
};
console.log(
  `| step | seconds | peak RSS MiB |\n|---|---:|---:|\n| raw SQL read of ${rawRows} figure rows | ${result.rawSqlSeconds} | ${result.peakRssMiB.rawSql} |\n| classify ${COUNT} enterprises (both engines) | ${result.surveySeconds} | ${result.peakRssMiB.survey} |\n\nsurvey / raw SQL: ${result.surveyOverRawSql}×`,
);
console.log(JSON.stringify(result));
await handle.close();
