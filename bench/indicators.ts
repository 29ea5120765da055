// `npm run bench:indicators -w bench`: every figure of the indicator registry on PostgreSQL at district
// scale against the hand-written SQL of the same aggregate, in one run on this machine.
// Data: 100,000 enterprises, 1,000,000 monthly output rows (50,000 规上 enterprises × 20 months),
// 100,000 科技型中小企业 registrations, 100,000 高企 certificates, 200,000 registered technology contracts.
import type { DateRange, IndicatorPeriod } from '@kechuang/domain';
import { periodRange } from '@kechuang/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type ComputeContext, rawFigure } from '../server/src/core/indicators/compute';
import { buildIndicatorRegistry } from '../server/src/core/indicators/registry';
import { type Database, openDatabase, queryRows } from '../server/src/db/connection';
import { MODULES } from '../server/src/modules';
import { createTempDatabase, DEFAULT_POSTGRES_URL } from './postgres';

const ENTERPRISES = Number(process.env.BENCH_INDICATOR_ENTERPRISES ?? 100_000);
const RUNS = Number(process.env.BENCH_INDICATOR_RUNS ?? 7);
const POSTGRES_URL = process.env.KECHUANG_BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;

function log(line: string) {
  process.stderr.write(`[bench:indicators] ${line}\n`);
}

/** Bulk rows with generate_series, so the data takes seconds to build. */
async function seed(db: Database) {
  const started = performance.now();
  await db.execute(sql`insert into enterprises (credit_code, name, status, contact_name, contact_phone, industry, street, size)
    select 'BENCH' || lpad(i::text, 13, '0'), '测试企业' || i, 'verified', '联系人', '13800000000',
      (array['it','fine-chemicals','food-medicine','high-end-equipment','tech-services'])[1 + i % 5],
      (array['许庄街道','阜桥街道','古槐街道','济阳街道','南苑街道','观音阁街道','金城街道','仙营街道','越河街道','李营街道'])[1 + i % 10],
      'small'
    from generate_series(1, ${ENTERPRISES}) as i`);
  const [{ first }] = await queryRows<{ first: number }>(
    db,
    sql`select min(id)::int as first from enterprises`,
  );
  const half = Math.floor(ENTERPRISES / 2);
  await db.execute(sql`insert into enterprise_monthly_output
      (enterprise_id, period, industrial_output_fen, high_tech_output_fen, is_above_designated_size, source)
    select ${first} + e, to_char(date '2020-01-01' + make_interval(months => m), 'YYYY-MM'),
      (200000000 + (e * 7919 + m * 104729) % 300000000)::bigint,
      (60000000 + (e * 6151 + m * 3571) % 120000000)::bigint,
      true, 'import'
    from generate_series(0, ${half - 1}) as e, generate_series(0, 19) as m`);
  await db.execute(sql`insert into tech_sme_registrations (enterprise_id, year, registration_number, registered_on)
    select ${first} + e, 2019 + e % 3, 'B' || lpad(e::text, 12, '0'),
      make_date(2019 + e % 3, 1 + e % 12, 1 + e % 28)
    from generate_series(0, ${ENTERPRISES - 1}) as e`);
  await db.execute(sql`insert into high_tech_certificates (enterprise_id, certificate_number, issued_on, expires_on, remind_on)
    select ${first} + e, 'GRB' || lpad(e::text, 12, '0'), make_date(2017 + e % 5, 1 + e % 12, 1 + e % 28),
      make_date(2020 + e % 5, 1 + e % 12, 1 + e % 28), make_date(2019 + e % 5, 7, 1)
    from generate_series(0, ${ENTERPRISES - 1}) as e`);
  await db.execute(sql`insert into tech_contracts (enterprise_id, status, title, category, seller_name, seller_credit_code,
      buyer_name, buyer_region_code, signed_on, term_start_on, term_end_on, contract_fen, tech_fen, registration_no,
      registered_on, exemption_claimed)
    select ${first} + e % ${ENTERPRISES}, 'registered', '合同' || e, (array['DEV_COMMISSIONED','TRANSFER_PATENT','CONSULTING','SERVICE'])[1 + e % 4],
      '卖方', 'X', '买方', '370811', make_date(2019 + e % 3, 1 + e % 12, 1), make_date(2019 + e % 3, 1 + e % 12, 1),
      make_date(2022, 1, 1), (100000 + e % 5000000)::bigint * 100, (80000 + e % 4000000)::bigint * 100,
      'B' || lpad(e::text, 13, '0'), make_date(2019 + e % 3, 1 + e % 12, 2 + e % 25), e % 3 = 0
    from generate_series(0, ${2 * ENTERPRISES - 1}) as e`);
  await db.execute(sql`analyze`);
  return performance.now() - started;
}

/** The aggregate each record figure stands for, written by hand against its own table. */
function handWritten(key: string, range: DateRange): SQL | null {
  const within = (column: string) =>
    sql`${sql.raw(column)} between ${range.from}::date and ${range.to}::date`;
  const months = sql`period between ${range.from.slice(0, 7)} and ${range.to.slice(0, 7)}`;
  switch (key) {
    case 'cultivation.tech-sme-registered':
      return sql`select count(*) from tech_sme_registrations where ${within('registered_on')}`;
    case 'cultivation.hte-valid':
      return sql`select count(distinct enterprise_id) from high_tech_certificates where issued_on <= ${range.to}::date and expires_on > ${range.to}::date`;
    case 'cultivation.hte-recognised':
      return sql`select count(*) from high_tech_certificates where ${within('issued_on')}`;
    case 'stats.high-tech-output':
      return sql`select sum(high_tech_output_fen) from enterprise_monthly_output where is_above_designated_size and ${months}`;
    case 'stats.above-scale-output':
      return sql`select sum(industrial_output_fen) from enterprise_monthly_output where is_above_designated_size and ${months}`;
    case 'tech-transfer.turnover':
      return sql`select sum(contract_fen) from tech_contracts where status = 'registered' and ${within('registered_on')}`;
    case 'tech-transfer.exempt-amount':
      return sql`select sum(tech_fen) from tech_contracts where status = 'registered' and exemption_claimed and ${within('registered_on')}`;
    case 'tech-transfer.contracts':
      return sql`select count(*) from tech_contracts where status = 'registered' and ${within('registered_on')}`;
    default:
      return null;
  }
}

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const temp = await createTempDatabase(POSTGRES_URL);
if (!temp.available) {
  log(`PostgreSQL not reachable (${temp.reason}); this benchmark needs it`);
  process.exit(1);
}
const handle = await openDatabase({ databaseUrl: temp.url });
try {
  await handle.migrate();
  log(`seeding ${ENTERPRISES} enterprises and their records`);
  const seedMs = await seed(handle.db);
  const registry = buildIndicatorRegistry(MODULES);
  const context: ComputeContext = { db: handle.db, registry, today: '2021-09-30' };
  const period: IndicatorPeriod = '2020';
  const range = periodRange(period, context.today);
  const rows = [];
  for (const indicator of registry.values()) {
    const raw = handWritten(indicator.key, range);
    if (!raw) continue;
    const registryMs = await median(RUNS, () => rawFigure(context, indicator, period, range, {}));
    const rawMs = await median(RUNS, () => handle.db.execute(raw));
    rows.push({
      indicator: indicator.key,
      registryMs: Math.round(registryMs * 10) / 10,
      rawSqlMs: Math.round(rawMs * 10) / 10,
      ratio: Math.round((registryMs / rawMs) * 100) / 100,
      under100ms: registryMs < 100,
    });
  }
  const share = registry.get('stats.high-tech-share');
  const growth = registry.get('stats.high-tech-growth');
  const derived = [];
  for (const indicator of [share, growth]) {
    if (!indicator) continue;
    const ms = await median(RUNS, () =>
      rawFigure(context, indicator, '2021-H1', periodRange('2021-H1', context.today), {}),
    );
    derived.push({ indicator: indicator.key, registryMs: Math.round(ms * 10) / 10, under100ms: ms < 100 });
  }
  const result = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    data: {
      enterprises: ENTERPRISES,
      monthlyOutputRows: Math.floor(ENTERPRISES / 2) * 20,
      seedMs: Math.round(seedMs),
    },
    runs: RUNS,
    figures: rows,
    derived,
  };
  console.table(rows);
  console.table(derived);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await handle.close();
  await temp.drop();
}
