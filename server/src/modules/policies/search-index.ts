import { bigramSegment, normaliseText } from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection';
import { techMatchDocuments, techMatchTerms } from '../../db/schema';
import { chineseSegmenter } from '../tech-transfer/index';

/**
 * Full-text search over the policy library, in the inverted index the 产学研 matching keeps
 * (`tech_match_terms`, kind `policy`): each policy's jieba words (weighted: title 3, items 2, body 1)
 * plus every pair of adjacent Chinese characters, so any two-character word of the text is found
 * even where jieba cut the text differently. A search reads only the postings of the query's terms.
 */
const KIND = 'policy';

export interface PolicyText {
  title: string;
  documentNo: string;
  issuer: string;
  fullText: string;
  interpretation: string | null;
  items: readonly { title: string; beneficiaries: string }[];
}

const indexable = (term: string) =>
  term.length >= 2 && term.length <= 20 && /[a-z0-9\u3400-\u9fff]/.test(term) && !/\s/.test(term);

/** The weighted terms of a policy: jieba words by the heaviest place they occur, and bigrams (weight 1). */
export function policyTerms(text: PolicyText): Map<string, number> {
  const segment = chineseSegmenter();
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => {
    const normalised = normaliseText(term).trim();
    if (!indexable(normalised)) return;
    if ((weights.get(normalised) ?? 0) < weight) weights.set(normalised, weight);
  };
  const parts: [string, number][] = [
    [`${text.title} ${text.documentNo} ${text.issuer}`, 3],
    [text.items.map((item) => `${item.title} ${item.beneficiaries}`).join('\n'), 2],
    [`${text.fullText}\n${text.interpretation ?? ''}`, 1],
  ];
  for (const [content, weight] of parts) {
    const normalised = normaliseText(content);
    for (const word of segment(normalised)) add(word, weight);
    for (const pair of bigramSegment(normalised)) add(pair, 1);
  }
  return weights;
}

/** Replaces a policy's entry in the index (in the transaction that saves it). */
export async function indexPolicy(executor: Executor, policyId: number, version: number, text: PolicyText) {
  const terms = policyTerms(text);
  await executor
    .delete(techMatchTerms)
    .where(and(eq(techMatchTerms.kind, KIND), eq(techMatchTerms.recordId, policyId)));
  const rows = [...terms].map(([term, weight]) => ({ kind: KIND, term, recordId: policyId, weight }));
  for (let start = 0; start < rows.length; start += 2000) {
    await executor.insert(techMatchTerms).values(rows.slice(start, start + 2000));
  }
  const weightSum = [...terms.values()].reduce((sum, weight) => sum + weight, 0);
  await executor
    .insert(techMatchDocuments)
    .values({ kind: KIND, recordId: policyId, weightSum, sourceVersion: version })
    .onConflictDoUpdate({
      target: [techMatchDocuments.kind, techMatchDocuments.recordId],
      set: { weightSum, sourceVersion: version },
    });
}

/** The query's lookup terms: its bigrams and Latin words (each must occur), and its jieba words (for ranking). */
export function queryTerms(keyword: string): { required: string[]; ranking: string[] } {
  const normalised = normaliseText(keyword);
  const required = [...new Set(bigramSegment(normalised).filter(indexable))];
  const ranking = [
    ...new Set(
      chineseSegmenter()(normalised)
        .map((word) => word.trim())
        .filter(indexable),
    ),
  ];
  return { required, ranking };
}

/**
 * The SQL condition "a policy contains the keyword": the ids whose postings hold every required
 * term (an index lookup per term), then the exact phrase checked on those few. A keyword with no
 * term of two characters (a single character) is matched by the phrase check alone.
 */
export function keywordCondition(keyword: string) {
  const { required } = queryTerms(keyword);
  const phrase = normaliseText(keyword).trim();
  const exact = sql`strpos(lower(policies.title || ' ' || policies.document_no || ' ' || policies.issuer || ' ' || policies.full_text || ' ' || coalesce(policies.interpretation, '') || ' ' || coalesce((select string_agg(i.title || ' ' || i.beneficiaries, ' ') from policy_items i where i.policy_id = policies.id), '')), ${phrase}) > 0`;
  if (required.length === 0) return exact;
  return sql`policies.id in (select record_id from tech_match_terms where kind = ${KIND} and term = any(${sql.param(required)}::text[]) group by record_id having count(*) = ${required.length}) and ${exact}`;
}

/** How well each policy fits the keyword: the summed weights of the query's jieba words it holds. */
export async function rankByKeyword(executor: Executor, keyword: string, ids: readonly number[]) {
  const { ranking } = queryTerms(keyword);
  if (ranking.length === 0 || ids.length === 0) return new Map<number, number>();
  const rows = await queryRows<{ record_id: number; score: number }>(
    executor,
    sql`select record_id, sum(weight)::int as score from tech_match_terms
         where kind = ${KIND} and term = any(${sql.param(ranking)}::text[]) and record_id = any(${sql.param([...ids])}::int[])
         group by record_id`,
  );
  return new Map(rows.map((row) => [Number(row.record_id), Number(row.score)]));
}
