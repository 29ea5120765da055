import { describe, expect, it } from 'vitest';
import {
  type CandidateTerms,
  type CorpusStatistics,
  compareRegions,
  describeMatchReason,
  inverseDocumentFrequency,
  scoreCandidate,
  selectLookupTerms,
  tidySharedTerms,
} from './matching-score';
import { bigramSegment, extractTerms, isIndexableTerm, STOP_TERMS, toStoredTerms } from './matching-terms';

/** A tiny dictionary segmenter for the tests: longest match over a word list, single characters otherwise. */
function dictionarySegment(words: string[]) {
  return (text: string) => {
    const pieces: string[] = [];
    for (let index = 0; index < text.length; ) {
      const word = words
        .filter((candidate) => text.startsWith(candidate, index))
        .sort((left, right) => right.length - left.length)[0];
      pieces.push(word ?? text[index]);
      index += word ? word.length : 1;
    }
    return pieces;
  };
}

const segment = dictionarySegment([
  '加氢',
  '催化剂',
  '制备',
  '技术',
  '合作',
  '开发',
  '高效',
  '连续化',
  '工艺',
]);

describe('terms of a record', () => {
  it('weights keywords over the title over the description, and drops stop words and single characters', () => {
    const terms = extractTerms(
      { title: '高效加氢催化剂制备', description: '希望合作开发连续化工艺技术', keywords: ['催化剂'] },
      segment,
    );
    expect(terms.get('催化剂')).toBe(3);
    expect(terms.get('加氢')).toBe(2);
    expect(terms.get('连续化')).toBe(1);
    expect(terms.has('技术')).toBe(false);
    expect(terms.has('合作')).toBe(false);
    expect([...terms.keys()].every((term) => term.length >= 2)).toBe(true);
  });

  it('keeps a keyword whole and also by its pieces, in half-width lower case', () => {
    const terms = extractTerms({ title: '', description: '', keywords: ['加氢催化剂', 'ＰＬＣ'] }, segment);
    expect(terms.get('加氢催化剂')).toBe(3);
    expect(terms.get('加氢')).toBe(3);
    expect(terms.get('催化剂')).toBe(3);
    expect(terms.get('plc')).toBe(3);
  });

  it('stores parallel arrays with the weight sum', () => {
    expect(
      toStoredTerms(
        new Map([
          ['加氢', 2],
          ['催化剂', 3],
        ]),
      ),
    ).toEqual({
      terms: ['加氢', '催化剂'],
      weights: [2, 3],
      weightSum: 5,
    });
  });

  it('refuses numbers, punctuation and stop words as terms', () => {
    expect(isIndexableTerm('2024')).toBe(false);
    expect(isIndexableTerm('，。')).toBe(false);
    expect(isIndexableTerm('技术')).toBe(false);
    expect(STOP_TERMS.has('研究')).toBe(true);
    expect(isIndexableTerm('5g')).toBe(true);
  });

  it('cuts Chinese into overlapping pairs and keeps Latin words whole without a dictionary', () => {
    expect(bigramSegment('加氢催化剂 PLC控制')).toEqual(['加氢', '氢催', '催化', '化剂', 'plc', '控制']);
  });
});

const statistics = (documentCount: number, frequencies: Record<string, number>): CorpusStatistics => ({
  documentCount,
  documentFrequency: new Map(Object.entries(frequencies)),
});

function candidate(
  shared: Record<string, number>,
  weightSum: number,
  profile: Partial<CandidateTerms> = {},
): CandidateTerms {
  return {
    sharedTerms: Object.keys(shared),
    sharedWeights: Object.values(shared),
    weightSum,
    field: 'new-materials',
    industries: [],
    regionCode: null,
    ...profile,
  };
}

describe('scoring a candidate', () => {
  const query = {
    terms: ['催化剂', '加氢', '连续化'],
    weights: [3, 3, 1],
    field: 'new-materials',
    industries: ['fine-chemicals'],
    regionCode: '370811',
  };
  const corpus = statistics(1000, { 催化剂: 10, 加氢: 5, 连续化: 200 });

  it('gives rare shared terms more than common ones', () => {
    expect(inverseDocumentFrequency(1000, 5)).toBeGreaterThan(inverseDocumentFrequency(1000, 200));
    const rare = scoreCandidate(query, candidate({ 加氢: 3 }, 10), corpus);
    const common = scoreCandidate(query, candidate({ 连续化: 3 }, 10), corpus);
    expect(rare.textScore).toBeGreaterThan(common.textScore);
  });

  it('ranks a short precise result over a long one that mentions the same terms once', () => {
    const precise = scoreCandidate(query, candidate({ 催化剂: 3, 加氢: 3 }, 12), corpus);
    const diffuse = scoreCandidate(query, candidate({ 催化剂: 1, 加氢: 1 }, 80), corpus);
    expect(precise.score).toBeGreaterThan(diffuse.score);
  });

  it('adds the field, industry and region bonuses and says so in the reason', () => {
    const match = scoreCandidate(
      query,
      candidate({ 催化剂: 3, 加氢: 2 }, 20, { industries: ['fine-chemicals'], regionCode: '370802' }),
      corpus,
    );
    const other = scoreCandidate(
      query,
      candidate({ 催化剂: 3, 加氢: 2 }, 20, { field: 'electronic-information', regionCode: '110108' }),
      corpus,
    );
    expect(match.score - other.score).toBeCloseTo(0.15 + 0.1 + 0.05, 4);
    expect(describeMatchReason(match).zh).toBe('共同关键词：催化剂、加氢；领域相同；产业链相同；同一地市');
    expect(describeMatchReason(other).zh).toBe('共同关键词：催化剂、加氢');
  });

  it('gives nothing for no shared term, whatever the field', () => {
    const none = scoreCandidate(query, candidate({}, 10), corpus);
    expect(none.textScore).toBe(0);
    expect(none.sharedTerms).toEqual([]);
  });

  it('compares regions by the first four (city) and two (province) digits', () => {
    expect(compareRegions('370811', '370829')).toBe('city');
    expect(compareRegions('370811', '370102')).toBe('province');
    expect(compareRegions('370811', '110108')).toBeNull();
    expect(compareRegions(null, '370811')).toBeNull();
  });

  it('looks candidates up only by terms that are not too common', () => {
    const lookup = selectLookupTerms(query, statistics(1000, { 催化剂: 10, 加氢: 0, 连续化: 400 }));
    expect(lookup).toEqual(['催化剂']);
  });

  it('shows a word and not its pieces', () => {
    expect(tidySharedTerms(['催化', '催化剂', '加氢'])).toEqual(['催化剂', '加氢']);
  });
});

describe('bigram segmentation ranks as a word segmenter would on a small corpus', () => {
  const results = [
    {
      id: 'catalyst',
      title: '加氢催化剂连续化制备技术',
      description: '高活性镍基加氢催化剂',
      keywords: ['催化剂', '加氢'],
    },
    {
      id: 'plc',
      title: '工业PLC控制系统',
      description: '产线自动化控制与数据采集',
      keywords: ['PLC', '自动化'],
    },
    {
      id: 'food',
      title: '果蔬保鲜包装材料',
      description: '延长食品货架期的可降解包装',
      keywords: ['保鲜', '包装'],
    },
  ];
  const need = {
    title: '寻求加氢催化剂国产替代',
    description: '现有进口催化剂成本高，需要连续化加氢工艺',
    keywords: ['催化剂'],
  };

  it('puts the catalyst result first', () => {
    const indexed = results.map((result) => ({ id: result.id, terms: extractTerms(result, bigramSegment) }));
    const frequency = new Map<string, number>();
    for (const record of indexed)
      for (const term of record.terms.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const queryTerms = extractTerms(need, bigramSegment);
    const query = { ...toStoredTerms(queryTerms), field: null, industries: [], regionCode: null };
    const ranked = indexed
      .map((record) => {
        const shared = [...record.terms.keys()].filter((term) => queryTerms.has(term));
        const stored = toStoredTerms(record.terms);
        const score = scoreCandidate(
          query,
          candidate(
            Object.fromEntries(shared.map((term) => [term, record.terms.get(term) ?? 0])),
            stored.weightSum,
            {
              field: null,
            },
          ),
          { documentCount: indexed.length, documentFrequency: frequency },
        );
        return { id: record.id, score: score.score, reason: describeMatchReason(score).zh };
      })
      .sort((left, right) => right.score - left.score);
    expect(ranked[0].id).toBe('catalyst');
    expect(ranked[0].reason).toContain('催化剂');
    expect(ranked[1].score).toBe(0);
  });
});
