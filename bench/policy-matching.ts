// `npm run bench:policies -w bench`: every enterprise matched against every policy item.
// Seeds enterprises with two years of figures (a fifth registered as 科技型中小企业) and `ITEMS` items
// built from the demo library's conditions, then prints the time and memory of reading the profiles
// alone and of reading them and evaluating every item for every enterprise, with the ratio.
// Nothing here is a pass/fail threshold.

import { buildUscc, evaluateItem, type PolicyItemInput, USCC_CHARSET } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/connection';
import { enterprises, enterpriseYearFigures, techSmeRegistrations } from '../server/src/db/schema';
import { generateDemoFigures } from '../server/src/demo/cultivation-demo';
import { DEMO_POLICIES } from '../server/src/modules/policies/demo-library';
import { readProfiles } from '../server/src/modules/policies/profiles';

const COUNT = Number(process.env.BENCH_POLICY_ENTERPRISES ?? 100_000);
const ITEMS = Number(process.env.BENCH_POLICY_ITEMS ?? 200);
const SIZES = ['micro', 'small', 'small', 'medium', 'large'];
const INDUSTRIES = ['it', 'fine-chemicals', 'food-medicine', 'advanced-manufacturing', 'tech-services'];

function creditCode(index: number): string {
  let body = 'MP';
  let value = index;
  for (let i = 0; i < 7; i++) {
    body += USCC_CHARSET[value % 31];
    value = Math.floor(value / 31);
  }
  return buildUscc('370811', body);
}
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const handle = await openDatabase({ dataDir: 'memory://' });
await handle.migrate();
const db = handle.db;
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
    ).filter((item) => item.year === 2019 || item.year === 2020),
  );
  for (let start = 0; start < figures.length; start += 2000)
    await db.insert(enterpriseYearFigures).values(figures.slice(start, start + 2000));
  await db.insert(techSmeRegistrations).values(
    rows
      .filter((row) => row.id % 5 === 0)
      .map((row) => ({
        enterpriseId: row.id,
        year: 2020,
        registrationNumber: `2020370811A${String(row.id).padStart(7, '0')}`,
        registeredOn: '2020-05-20',
      })),
  );
}

const library: PolicyItemInput[] = DEMO_POLICIES.flatMap((policy) => policy.items);
const items = Array.from({ length: ITEMS }, (_, index) => library[index % library.length]);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const scope = sql`e.status = 'verified'`;

const readStarted = performance.now();
const profiles = await readProfiles(db, { year: 2020, scope });
const readMs = performance.now() - readStarted;
const readRss = peakRss;

peakRss = process.memoryUsage().rss;
const matchStarted = performance.now();
const again = await readProfiles(db, { year: 2020, scope });
const outcomes = { eligible: 0, unknown: 0, ineligible: 0 };
for (const enterprise of again) {
  for (const item of items) outcomes[evaluateItem(item, enterprise.profile, 2020).outcome] += 1;
}
const matchMs = performance.now() - matchStarted;
clearInterval(sampler);

const result = {
  benchmark: 'policy-matching',
  enterprises: profiles.length,
  items: ITEMS,
  evaluations: profiles.length * ITEMS,
  readSeconds: Math.round(readMs / 10) / 100,
  readAndMatchSeconds: Math.round(matchMs / 10) / 100,
  matchOverRead: Math.round((matchMs / readMs) * 100) / 100,
  peakRssMiB: { read: mib(readRss), readAndMatch: mib(peakRss) },
  outcomes,
};
console.log(
  `| step | seconds | peak RSS MiB |\n|---|---:|---:|\n| read ${profiles.length} profiles | ${result.readSeconds} | ${result.peakRssMiB.read} |\n| read and evaluate ${ITEMS} items each | ${result.readAndMatchSeconds} | ${result.peakRssMiB.readAndMatch} |\n\nmatch / read: ${result.matchOverRead}×`,
);
console.log(JSON.stringify(result));
await handle.close();
