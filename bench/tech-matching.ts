// `npm run bench:matching -w bench`: suggested matches for technology needs against results.
// Seeds 10,000 needs and 10,000 results (jieba terms and the inverted index, as saving them does),
// then times the suggestion query from either side against a primary-key read of one result, in
// the same run on the same database, and prints the ratio and the memory. No pass/fail threshold.

import { buildUscc, TECH_FIELD_CODES, USCC_CHARSET } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/connection';
import { enterprises, techInstitutions, techNeeds, techResults } from '../server/src/db/schema';
import { createRandom } from '../server/src/demo/random';
import {
  type IndexEntry,
  indexRecords,
} from '../server/src/modules/tech-transfer/needs-results/matching-index';
import {
  suggestForNeed,
  suggestForResult,
} from '../server/src/modules/tech-transfer/needs-results/suggestions-service';
import { JOINERS, PROBLEMS, WORDS } from './tech-matching-vocabulary';

const NEEDS = Number(process.env.BENCH_MATCH_NEEDS ?? 10_000);
const RESULTS = Number(process.env.BENCH_MATCH_RESULTS ?? 10_000);
const QUERIES = Number(process.env.BENCH_MATCH_QUERIES ?? 200);

function creditCode(index: number, prefix: string): string {
  let body = prefix;
  let value = index;
  for (let i = 0; i < 7; i++) {
    body += USCC_CHARSET[value % 31];
    value = Math.floor(value / 31);
  }
  return buildUscc('370811', body);
}

const random = createRandom(20261207);
const fields = TECH_FIELD_CODES;

function pickWords(field: string, count: number): string[] {
  const own = WORDS[field];
  const words = new Set<string>();
  while (words.size < count) {
    // Mostly the field's own words, now and then one from another field.
    const list = random.chance(0.85) ? own : WORDS[random.pick(fields)];
    words.add(random.pick(list));
  }
  return [...words];
}

function text(field: string) {
  const keywords = pickWords(field, random.integer(2, 4));
  const titleWords = [...keywords.slice(0, 2), ...pickWords(field, 1)];
  const body = pickWords(field, random.integer(6, 10));
  return {
    title: `${titleWords[0]}${random.pick(JOINERS)}${titleWords.slice(1).join('')}技术`,
    description: body
      .map((word, index) => (index % 3 === 0 ? `${random.pick(PROBLEMS)}${word}` : word))
      .join('，')
      .concat('，提高产品质量和生产效率。'),
    keywords,
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function summarise(times: number[]) {
  const sorted = [...times].sort((left, right) => left - right);
  const mean = times.reduce((sum, value) => sum + value, 0) / times.length;
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
  return {
    mean: round(mean),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const handle = await openDatabase({ dataDir: 'memory://' });
await handle.migrate();
const db = handle.db;
const rssBefore = process.memoryUsage().rss;

const seedStarted = performance.now();
const enterpriseIds: number[] = [];
for (let offset = 0; offset < 500; offset += 250) {
  const rows = await db
    .insert(enterprises)
    .values(
      Array.from({ length: 250 }, (_, index) => ({
        creditCode: creditCode(offset + index, 'MC'),
        name: `基准对接企业${offset + index}`,
        status: 'verified',
        contactName: '基准',
        contactPhone: '13800000000',
      })),
    )
    .returning({ id: enterprises.id });
  enterpriseIds.push(...rows.map((row) => row.id));
}
const [institution] = await db
  .insert(techInstitutions)
  .values({ name: '基准研究院', kind: 'institute', regionCode: '370102' })
  .returning({ id: techInstitutions.id });

async function seed(kind: 'need' | 'result', count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; offset < count; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - offset) }, () => {
      const field = random.pick(fields);
      return { field, ...text(field) };
    });
    const inserted =
      kind === 'need'
        ? await db
            .insert(techNeeds)
            .values(
              batch.map((item, index) => ({
                enterpriseId: enterpriseIds[(offset + index) % enterpriseIds.length],
                status: 'published',
                title: item.title,
                field: item.field,
                problem: item.description,
                deadline: '2030-12-31',
                contactName: '基准',
                contactPhone: '13800000000',
                keywords: item.keywords,
                visibility: random.chance(0.9) ? 'public' : 'matched',
              })),
            )
            .returning({ id: techNeeds.id })
        : await db
            .insert(techResults)
            .values(
              batch.map((item) => ({
                status: 'published',
                institutionId: institution.id,
                title: item.title,
                field: item.field,
                description: item.description,
                trl: random.integer(3, 9),
                ipKind: 'invention-patent',
                modes: ['license'],
                keywords: item.keywords,
                contactName: '基准',
                contactPhone: '13800000000',
              })),
            )
            .returning({ id: techResults.id });
    const entries: IndexEntry[] = inserted.map((row, index) => ({
      kind,
      recordId: row.id,
      version: 1,
      source: {
        title: batch[index].title,
        description: batch[index].description,
        keywords: batch[index].keywords,
      },
      profile: {
        field: batch[index].field,
        industries: [],
        regionCode: kind === 'need' ? '370811' : random.pick(['370102', '370811', '110108']),
      },
    }));
    await indexRecords(db, entries);
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

const needIds = await seed('need', NEEDS);
const resultIds = await seed('result', RESULTS);
const seedMs = performance.now() - seedStarted;
await db.execute(sql`analyze`);
const [sizes] = (
  (await db.execute(
    sql`select (select count(*)::int from tech_match_terms) as postings,
               pg_total_relation_size('tech_match_terms') as terms_bytes,
               pg_total_relation_size('tech_match_documents') as documents_bytes`,
  )) as unknown as { rows: { postings: number; terms_bytes: string; documents_bytes: string }[] }
).rows;

const staff = {
  userId: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'staff' as const,
  enterpriseId: null,
};
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

// Warm both paths (jieba's dictionary, query plans) before timing.
for (let index = 0; index < 5; index++) {
  await db.execute(sql`select * from tech_results where id = ${resultIds[index]}`);
  await suggestForNeed(db, { actor: staff, needId: needIds[index], limit: 10, language: 'zh-CN' });
}

const lookupTimes: number[] = [];
const needTimes: number[] = [];
const resultTimes: number[] = [];
let candidates = 0;
let emptyAnswers = 0;
for (let index = 0; index < QUERIES; index++) {
  const resultId = resultIds[random.integer(0, resultIds.length - 1)];
  let started = performance.now();
  await db.execute(sql`select * from tech_results where id = ${resultId}`);
  lookupTimes.push(performance.now() - started);

  started = performance.now();
  const suggestions = await suggestForNeed(db, {
    actor: staff,
    needId: needIds[random.integer(0, needIds.length - 1)],
    limit: 10,
    language: 'zh-CN',
  });
  needTimes.push(performance.now() - started);
  candidates += suggestions.candidateCount;
  if (suggestions.results.length === 0) emptyAnswers += 1;

  started = performance.now();
  await suggestForResult(db, { actor: staff, resultId, limit: 10, language: 'zh-CN' });
  resultTimes.push(performance.now() - started);
}
clearInterval(sampler);

const lookup = summarise(lookupTimes);
const forNeed = summarise(needTimes);
const forResult = summarise(resultTimes);
const report = {
  needs: NEEDS,
  results: RESULTS,
  queries: QUERIES,
  seedSeconds: round(seedMs / 1000),
  postings: Number(sizes.postings),
  indexMiB: mib(Number(sizes.terms_bytes) + Number(sizes.documents_bytes)),
  primaryKeyLookupMs: lookup,
  suggestionsForNeedMs: forNeed,
  suggestionsForResultMs: forResult,
  meanCandidatesPerNeedQuery: round(candidates / QUERIES),
  needQueriesWithNoSuggestion: emptyAnswers,
  ratioForNeedToLookup: round(forNeed.mean / lookup.mean),
  ratioForResultToLookup: round(forResult.mean / lookup.mean),
  rssBeforeSeedMiB: mib(rssBefore),
  peakRssDuringQueriesMiB: mib(peakRss),
};
console.log(JSON.stringify(report, null, 2));
await handle.close();
