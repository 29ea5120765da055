import {
  type CandidateTerms,
  type CorpusStatistics,
  EXPERT_FIELDS,
  extractTerms,
  type MatchProfile,
  type TermSource,
  toStoredTerms,
  type WeightedTerms,
} from '@kechuang/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/connection';
import { experts, techMatchDocuments, techMatchTerms, techResults } from '../../../db/schema';
import { chineseSegmenter } from './segmenter';

export type IndexKind = 'need' | 'result' | 'expert';

/** The region part (行政区划码) of a 统一社会信用代码, or null. */
export function regionOfCreditCode(code: string | null | undefined): string | null {
  return code && /^[0-9A-Z]{2}\d{6}/.test(code) ? code.slice(2, 8) : null;
}

export function termsOf(source: TermSource): WeightedTerms & { weightSum: number } {
  return toStoredTerms(extractTerms(source, chineseSegmenter()));
}

export interface IndexEntry {
  kind: IndexKind;
  recordId: number;
  source: TermSource;
  profile: MatchProfile;
  version: number;
}

/** Replaces a record's terms and profile in the index (called in the transaction that saves it). */
export async function indexRecord(executor: Executor, entry: IndexEntry): Promise<void> {
  await indexRecords(executor, [entry]);
}

/** Replaces the terms and profiles of many records of one kind in a few statements. */
export async function indexRecords(executor: Executor, entries: readonly IndexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const kind = entries[0].kind;
  const ids = entries.map((entry) => entry.recordId);
  await executor
    .delete(techMatchTerms)
    .where(and(eq(techMatchTerms.kind, kind), inArray(techMatchTerms.recordId, ids)));
  const terms: (typeof techMatchTerms.$inferInsert)[] = [];
  const documents: (typeof techMatchDocuments.$inferInsert)[] = [];
  for (const entry of entries) {
    const stored = termsOf(entry.source);
    stored.terms.forEach((term, index) => {
      terms.push({ kind, term, recordId: entry.recordId, weight: stored.weights[index] });
    });
    documents.push({
      kind,
      recordId: entry.recordId,
      weightSum: stored.weightSum,
      field: entry.profile.field,
      industries: [...entry.profile.industries],
      regionCode: entry.profile.regionCode,
      sourceVersion: entry.version,
    });
  }
  for (let start = 0; start < terms.length; start += 2000) {
    await executor.insert(techMatchTerms).values(terms.slice(start, start + 2000));
  }
  for (let start = 0; start < documents.length; start += 1000) {
    await executor
      .insert(techMatchDocuments)
      .values(documents.slice(start, start + 1000))
      .onConflictDoUpdate({
        target: [techMatchDocuments.kind, techMatchDocuments.recordId],
        set: {
          weightSum: sql`excluded.weight_sum`,
          field: sql`excluded.field`,
          industries: sql`excluded.industries`,
          regionCode: sql`excluded.region_code`,
          sourceVersion: sql`excluded.source_version`,
        },
      });
  }
}

/**
 * Brings the experts' entries up to date: an active expert is indexed by fields, organisation and
 * the titles and keywords of their published results; a changed expert (version) is indexed again,
 * and one whose results changed is marked stale by `markExpertStale`.
 */
export async function syncExpertIndex(executor: Executor): Promise<number> {
  const stale = await executor
    .select({
      id: experts.id,
      version: experts.version,
      fields: experts.fields,
      organisationName: experts.organisationName,
      organisationCreditCode: experts.organisationCreditCode,
    })
    .from(experts)
    .leftJoin(
      techMatchDocuments,
      and(eq(techMatchDocuments.kind, 'expert'), eq(techMatchDocuments.recordId, experts.id)),
    )
    .where(
      sql`${experts.status} = 'active' and (${techMatchDocuments.recordId} is null or ${techMatchDocuments.sourceVersion} <> ${experts.version})`,
    )
    .limit(2000);
  if (stale.length === 0) return 0;
  const results = await executor
    .select({ expertId: techResults.expertId, title: techResults.title, keywords: techResults.keywords })
    .from(techResults)
    .where(
      and(
        inArray(
          techResults.expertId,
          stale.map((expert) => expert.id),
        ),
        eq(techResults.status, 'published'),
      ),
    );
  await indexRecords(
    executor,
    stale.map((expert) => {
      const own = results.filter((result) => result.expertId === expert.id);
      const fieldLabels = expert.fields.map(
        (code) => EXPERT_FIELDS.find((field) => field.code === code)?.zh ?? '',
      );
      return {
        kind: 'expert' as const,
        recordId: expert.id,
        version: expert.version,
        source: {
          title: own.map((result) => result.title).join('；'),
          description: expert.organisationName,
          keywords: [...fieldLabels.filter(Boolean), ...own.flatMap((result) => result.keywords)].slice(
            0,
            30,
          ),
        },
        profile: {
          field: null,
          industries: expert.fields,
          regionCode: regionOfCreditCode(expert.organisationCreditCode),
        },
      };
    }),
  );
  return stale.length;
}

/** An expert's published results changed: index the expert again on the next lookup. */
export async function markExpertStale(executor: Executor, expertId: number): Promise<void> {
  await executor
    .update(techMatchDocuments)
    .set({ sourceVersion: -1 })
    .where(and(eq(techMatchDocuments.kind, 'expert'), eq(techMatchDocuments.recordId, expertId)));
}

export async function readIndexedTerms(
  executor: Executor,
  kind: IndexKind,
  recordId: number,
): Promise<(WeightedTerms & MatchProfile) | null> {
  const [document] = await executor
    .select()
    .from(techMatchDocuments)
    .where(and(eq(techMatchDocuments.kind, kind), eq(techMatchDocuments.recordId, recordId)));
  if (!document) return null;
  const rows = await executor
    .select({ term: techMatchTerms.term, weight: techMatchTerms.weight })
    .from(techMatchTerms)
    .where(and(eq(techMatchTerms.kind, kind), eq(techMatchTerms.recordId, recordId)));
  return {
    terms: rows.map((row) => row.term),
    weights: rows.map((row) => row.weight),
    field: document.field,
    industries: document.industries,
    regionCode: document.regionCode,
  };
}

/** How many records of a kind the index holds and how many hold each of the given terms. */
export async function readCorpusStatistics(
  executor: Executor,
  kind: IndexKind,
  terms: readonly string[],
): Promise<CorpusStatistics> {
  const [counted] = await queryRows<{ count: number }>(
    executor,
    sql`select count(*)::int as count from tech_match_documents where kind = ${kind}`,
  );
  const frequencies =
    terms.length === 0
      ? []
      : await queryRows<{ term: string; count: number }>(
          executor,
          sql`select term, count(*)::int as count from tech_match_terms
              where kind = ${kind} and term = any(${sql.param([...terms])}::text[]) group by term`,
        );
  return {
    documentCount: Number(counted?.count ?? 0),
    documentFrequency: new Map(frequencies.map((row) => [row.term, Number(row.count)])),
  };
}

/**
 * The records of a kind that share at least one lookup term and pass `eligible` (a condition on
 * the kind's own table, aliased `r`), each with the shared terms and its profile: the `cap` best by
 * idf-weighted shared terms (gently discounted for length), which `scoreCandidate` then ranks. Only
 * the postings of the lookup terms are read, through the (kind, term) primary key.
 */
export async function findCandidates(
  executor: Executor,
  options: {
    kind: IndexKind;
    table: SQL;
    eligible: SQL;
    lookupTerms: readonly string[];
    /** Each lookup term's weight in the query times its idf: the pre-ranking, so only the best few are scored. */
    lookupWeights: readonly number[];
    cap?: number;
  },
): Promise<(CandidateTerms & { recordId: number })[]> {
  if (options.lookupTerms.length === 0) return [];
  // Postings are ranked on their own first; only the best few are joined and checked for eligibility.
  const cap = options.cap ?? 200;
  const rows = await queryRows<{
    record_id: number;
    terms: string[];
    weights: number[];
    weight_sum: number;
    field: string | null;
    industries: string[];
    region_code: string | null;
  }>(
    executor,
    sql`with ranked as (
          select t.record_id, array_agg(t.term) as terms, array_agg(t.weight) as weights,
                 sum(least(t.weight, 3) * q.weight) as mass
            from unnest(${sql.param([...options.lookupTerms])}::text[], ${sql.param([...options.lookupWeights])}::float8[]) as q(term, weight)
            join tech_match_terms t on t.kind = ${options.kind} and t.term = q.term
           group by t.record_id
           order by mass desc, t.record_id
           limit ${cap * 3})
        select ranked.record_id, ranked.terms, ranked.weights, d.weight_sum, d.field, d.industries, d.region_code
          from ranked
          join tech_match_documents d on d.kind = ${options.kind} and d.record_id = ranked.record_id
          join ${options.table} r on r.id = ranked.record_id
         where ${options.eligible}
         order by ranked.mass / (4 + d.weight_sum) ^ 0.3 desc, ranked.record_id
         limit ${cap}`,
  );
  return rows.map((row) => ({
    recordId: Number(row.record_id),
    sharedTerms: row.terms,
    sharedWeights: row.weights.map(Number),
    weightSum: Number(row.weight_sum),
    field: row.field,
    industries: row.industries ?? [],
    regionCode: row.region_code,
  }));
}
