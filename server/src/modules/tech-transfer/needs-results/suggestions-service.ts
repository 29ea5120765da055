import {
  type CandidateTerms,
  describeMatchReason,
  inverseDocumentFrequency,
  type Language,
  type MatchProfile,
  scoreCandidate,
  selectLookupTerms,
  type TechSuggestion,
  tidySharedTerms,
  type WeightedTerms,
} from '@kechuang/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/context';
import { notFound } from '../../../core/errors';
import type { Database, Executor } from '../../../db/connection';
import { enterprises, experts, techMatchings, techNeeds } from '../../../db/schema';
import { findOwnExpertId } from './listing-scope';
import {
  findCandidates,
  type IndexKind,
  readCorpusStatistics,
  readIndexedTerms,
  syncExpertIndex,
} from './matching-index';
import { loadScopedNeed } from './needs-service';
import { holderNameOf, loadScopedResult } from './results-service';

interface Ranked {
  recordId: number;
  score: number;
  sharedTerms: string[];
  reason: string;
  isSameField: boolean;
}

/**
 * Ranks the records of one kind against a query record: candidates come from the inverted index by
 * the query's not-too-common terms, and only they are scored.
 */
export async function rankCandidates(
  executor: Executor,
  options: {
    query: WeightedTerms & MatchProfile;
    kind: IndexKind;
    table: SQL;
    eligible: SQL;
    limit: number;
    language: Language;
  },
): Promise<{ ranked: Ranked[]; candidateCount: number }> {
  const statistics = await readCorpusStatistics(executor, options.kind, options.query.terms);
  const lookupTerms = selectLookupTerms(options.query, statistics);
  const lookupWeights = lookupTerms.map((term) => {
    const weight = options.query.weights[options.query.terms.indexOf(term)] ?? 1;
    const frequency = statistics.documentFrequency.get(term) ?? 1;
    return weight * inverseDocumentFrequency(statistics.documentCount, frequency);
  });
  const candidates: (CandidateTerms & { recordId: number })[] = await findCandidates(executor, {
    kind: options.kind,
    table: options.table,
    eligible: options.eligible,
    lookupTerms,
    lookupWeights,
  });
  const ranked = candidates
    .map((candidate) => {
      const match = scoreCandidate(options.query, candidate, statistics);
      const reason = describeMatchReason(match);
      return {
        recordId: candidate.recordId,
        score: match.score,
        sharedTerms: tidySharedTerms(match.sharedTerms).slice(0, 8),
        reason: options.language === 'en' ? reason.en : reason.zh,
        isSameField: match.isSameField,
      };
    })
    .filter((entry) => entry.sharedTerms.length > 0)
    .sort((left, right) => right.score - left.score || left.recordId - right.recordId)
    .slice(0, options.limit);
  return { ranked, candidateCount: candidates.length };
}

async function existingMatchings(executor: Executor, condition: SQL) {
  return executor
    .select({
      id: techMatchings.id,
      needId: techMatchings.needId,
      resultId: techMatchings.resultId,
      expertId: techMatchings.expertId,
    })
    .from(techMatchings)
    .where(and(condition, sql`${techMatchings.status} <> 'ended'`));
}

/** Results and experts that fit a need: for its owner and the bureau. */
export async function suggestForNeed(
  db: Database,
  options: { actor: Actor; needId: number; limit: number; language: Language },
) {
  const { actor } = options;
  const { row: need } = await loadScopedNeed(db, actor, options.needId);
  if (actor.role === 'enterprise' && actor.enterpriseId !== need.enterpriseId) throw notFound();
  if (actor.role === 'expert') throw notFound();
  await syncExpertIndex(db);
  const query = await readIndexedTerms(db, 'need', need.id);
  if (!query) return { results: [], experts: [], needs: [], candidateCount: 0 };
  const common = { query, limit: options.limit, language: options.language };
  const [results, expertRanking] = await Promise.all([
    rankCandidates(db, {
      ...common,
      kind: 'result',
      table: sql`tech_results`,
      eligible: sql`r.status = 'published'`,
    }),
    rankCandidates(db, {
      ...common,
      kind: 'expert',
      table: sql`experts`,
      eligible: sql`r.status = 'active'`,
    }),
  ]);
  const resultIds = results.ranked.map((entry) => entry.recordId);
  const expertIds = expertRanking.ranked.map((entry) => entry.recordId);
  const [resultRows, expertRows, matchings] = await Promise.all([
    resultIds.length
      ? Promise.all(resultIds.map((id) => loadScopedResult(db, { ...actor, role: 'staff' }, id)))
      : [],
    expertIds.length
      ? db
          .select({
            id: experts.id,
            name: experts.name,
            title: experts.title,
            organisation: experts.organisationName,
          })
          .from(experts)
          .where(inArray(experts.id, expertIds))
      : [],
    existingMatchings(db, eq(techMatchings.needId, need.id)),
  ]);
  const resultById = new Map(resultRows.map((entry) => [entry.row.id, entry.row]));
  const expertById = new Map(expertRows.map((row) => [row.id, row]));
  return {
    results: results.ranked.flatMap((entry): TechSuggestion[] => {
      const row = resultById.get(entry.recordId);
      if (!row) return [];
      return [
        {
          kind: 'result',
          id: row.id,
          title: row.title,
          subtitle: holderNameOf(row),
          score: entry.score,
          sharedTerms: entry.sharedTerms,
          reason: entry.reason,
          isSameField: entry.isSameField,
          matchingId: matchings.find((matching) => matching.resultId === row.id)?.id ?? null,
        },
      ];
    }),
    experts:
      actor.role === 'enterprise'
        ? []
        : expertRanking.ranked.flatMap((entry): TechSuggestion[] => {
            const row = expertById.get(entry.recordId);
            if (!row) return [];
            return [
              {
                kind: 'expert',
                id: row.id,
                title: `${row.name}（${row.title}）`,
                subtitle: row.organisation,
                score: entry.score,
                sharedTerms: entry.sharedTerms,
                reason: entry.reason,
                isSameField: entry.isSameField,
                matchingId: matchings.find((matching) => matching.expertId === row.id)?.id ?? null,
              },
            ];
          }),
    needs: [],
    candidateCount: results.candidateCount + expertRanking.candidateCount,
  };
}

/**
 * Needs that fit a result, for the bureau and the result's expert. An expert is shown published
 * public needs only: a "matched parties only" need is offered to it through a 对接 record, not here.
 */
export async function suggestForResult(
  db: Database,
  options: { actor: Actor; resultId: number; limit: number; language: Language },
) {
  const { actor } = options;
  const { row: result } = await loadScopedResult(db, actor, options.resultId);
  if (actor.role === 'expert') {
    const expertId = await findOwnExpertId(db, actor);
    if (expertId === null || result.expertId !== expertId) throw notFound();
  }
  const query = await readIndexedTerms(db, 'result', result.id);
  if (!query) return { results: [], experts: [], needs: [], candidateCount: 0 };
  const isBureau = actor.role === 'staff' || actor.role === 'leader';
  const { ranked, candidateCount } = await rankCandidates(db, {
    query,
    kind: 'need',
    table: sql`tech_needs`,
    eligible: isBureau
      ? sql`r.status = 'published'`
      : sql`r.status = 'published' and r.visibility = 'public'`,
    limit: options.limit,
    language: options.language,
  });
  const ids = ranked.map((entry) => entry.recordId);
  const [rows, matchings] = await Promise.all([
    ids.length
      ? db
          .select({ id: techNeeds.id, title: techNeeds.title, enterpriseName: enterprises.name })
          .from(techNeeds)
          .innerJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
          .where(inArray(techNeeds.id, ids))
      : [],
    existingMatchings(db, eq(techMatchings.resultId, result.id)),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    results: [],
    experts: [],
    needs: ranked.flatMap((entry): TechSuggestion[] => {
      const row = byId.get(entry.recordId);
      if (!row) return [];
      return [
        {
          kind: 'need',
          id: row.id,
          title: row.title,
          subtitle: row.enterpriseName,
          score: entry.score,
          sharedTerms: entry.sharedTerms,
          reason: entry.reason,
          isSameField: entry.isSameField,
          matchingId: matchings.find((matching) => matching.needId === row.id)?.id ?? null,
        },
      ];
    }),
    candidateCount,
  };
}
