/**
 * How well a candidate (a result, an expert, or a need seen from a result) fits a query record:
 * text similarity over the shared terms, weighted by how rare each term is (idf), plus bonuses for
 * the same 高新技术领域, the same industry chain and the same region. The reason shown is built
 * from the same numbers, so what users read is what ranked the list.
 */

export interface WeightedTerms {
  terms: readonly string[];
  weights: readonly number[];
}

export interface MatchProfile {
  /** 高新技术领域 code, or null (an expert has none). */
  field: string | null;
  /** Industry-chain codes (a record has at most one, an expert may list several). */
  industries: readonly string[];
  /** GB/T 2260 code, 6 digits (from the 统一社会信用代码 or the institution's record), or null. */
  regionCode: string | null;
}

export interface CandidateTerms extends MatchProfile {
  /** The candidate's terms that the query shares, with the candidate's weight of each. */
  sharedTerms: readonly string[];
  sharedWeights: readonly number[];
  /** Sum of the candidate's own term weights (its length). */
  weightSum: number;
}

export interface CorpusStatistics {
  /** Records of the candidate kind in the index. */
  documentCount: number;
  /** How many of them hold each query term. */
  documentFrequency: ReadonlyMap<string, number>;
}

export const MATCH_BONUS = { field: 0.15, industry: 0.1, sameCity: 0.05, sameProvince: 0.02 } as const;

/** A term held by more than this share of the records is too common to pick candidates by. */
export const COMMON_TERM_SHARE = 0.3;

/** BM25's smoothed idf: positive for every term, about ln N for a term only one record has. */
export function inverseDocumentFrequency(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * The query terms worth looking candidates up by: those not held by most records (a term in 30 %
 * of 10,000 results would pull 3,000 candidates and rank none of them).
 */
export function selectLookupTerms(query: WeightedTerms, statistics: CorpusStatistics): string[] {
  const limit = Math.max(20, statistics.documentCount * COMMON_TERM_SHARE);
  return query.terms.filter((term) => {
    const frequency = statistics.documentFrequency.get(term) ?? 0;
    return frequency > 0 && frequency <= limit;
  });
}

export interface MatchScore {
  /** 0 … about 1.3: text similarity (0–1) plus the bonuses. */
  score: number;
  textScore: number;
  /** The shared terms, most telling first. */
  sharedTerms: string[];
  isSameField: boolean;
  isSameIndustry: boolean;
  region: 'city' | 'province' | null;
}

/**
 * Text similarity is how much of the query's idf-weighted terms the candidate covers (70 %) and how
 * much of the candidate is about them (30 %), so a short, precise result beats a long one that
 * mentions everything once.
 */
export function scoreCandidate(
  query: WeightedTerms & MatchProfile,
  candidate: CandidateTerms,
  statistics: CorpusStatistics,
): MatchScore {
  const idf = (term: string) =>
    inverseDocumentFrequency(statistics.documentCount, statistics.documentFrequency.get(term) ?? 1);
  let queryMass = 0;
  const queryWeight = new Map<string, number>();
  query.terms.forEach((term, index) => {
    const weight = query.weights[index] ?? 1;
    queryWeight.set(term, weight);
    queryMass += weight * idf(term);
  });
  let coveredMass = 0;
  let candidateShared = 0;
  const telling: { term: string; strength: number }[] = [];
  candidate.sharedTerms.forEach((term, index) => {
    const own = candidate.sharedWeights[index] ?? 1;
    const asked = queryWeight.get(term);
    if (asked === undefined) return;
    const strength = Math.min(asked, own) * idf(term);
    coveredMass += strength;
    candidateShared += own;
    telling.push({ term, strength: strength + (asked + own) / 100 });
  });
  const queryCoverage = queryMass > 0 ? Math.min(1, coveredMass / queryMass) : 0;
  const candidateFocus = candidate.weightSum > 0 ? Math.min(1, candidateShared / candidate.weightSum) : 0;
  const textScore = telling.length === 0 ? 0 : 0.7 * queryCoverage + 0.3 * candidateFocus;
  const isSameField = query.field !== null && query.field === candidate.field;
  const isSameIndustry = query.industries.some((industry) => candidate.industries.includes(industry));
  const region = compareRegions(query.regionCode, candidate.regionCode);
  const score =
    textScore +
    (isSameField ? MATCH_BONUS.field : 0) +
    (isSameIndustry ? MATCH_BONUS.industry : 0) +
    (region === 'city' ? MATCH_BONUS.sameCity : region === 'province' ? MATCH_BONUS.sameProvince : 0);
  return {
    score: Math.round(score * 10_000) / 10_000,
    textScore: Math.round(textScore * 10_000) / 10_000,
    sharedTerms: telling
      .sort((left, right) => right.strength - left.strength || left.term.localeCompare(right.term))
      .map((entry) => entry.term),
    isSameField,
    isSameIndustry,
    region,
  };
}

export function compareRegions(left: string | null, right: string | null): 'city' | 'province' | null {
  if (!left || !right || left.length < 4 || right.length < 4) return null;
  if (left.slice(0, 4) === right.slice(0, 4)) return 'city';
  if (left.slice(0, 2) === right.slice(0, 2)) return 'province';
  return null;
}

/**
 * Drops shared terms that are pieces of a longer shared term ("催化" inside "催化剂"), so the reason
 * reads as words a person would pick.
 */
export function tidySharedTerms(terms: readonly string[]): string[] {
  return terms.filter((term) => !terms.some((other) => other !== term && other.includes(term)));
}

/** "共同关键词：催化剂、加氢；领域相同；同在一个地市" — the reason shown beside a suggestion. */
export function describeMatchReason(match: MatchScore, maxTerms = 5): { zh: string; en: string } {
  const terms = tidySharedTerms(match.sharedTerms).slice(0, maxTerms);
  const zh: string[] = [];
  const en: string[] = [];
  if (terms.length > 0) {
    zh.push(`共同关键词：${terms.join('、')}`);
    en.push(`shared terms: ${terms.join(', ')}`);
  }
  if (match.isSameField) {
    zh.push('领域相同');
    en.push('same field');
  }
  if (match.isSameIndustry) {
    zh.push('产业链相同');
    en.push('same industry chain');
  }
  if (match.region === 'city') {
    zh.push('同一地市');
    en.push('same city');
  } else if (match.region === 'province') {
    zh.push('同一省份');
    en.push('same province');
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
