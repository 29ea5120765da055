/**
 * The terms a need, a result or an expert is matched on. A word segmenter (jieba on the server)
 * cuts the text; this file decides which pieces count and how much: keywords weigh most, then the
 * title, then the description. The weights are stored with each record when it is saved, so a
 * suggestion query reads an inverted index instead of segmenting 10,000 records.
 */

/** Cuts a text into words (the server passes jieba; `bigramSegment` is the dictionary-free fallback). */
export type Segmenter = (text: string) => readonly string[];

export interface TermSource {
  title: string;
  description: string;
  keywords: readonly string[];
}

export const TERM_WEIGHTS = { keyword: 3, title: 2, description: 1 } as const;

/** At most this many terms per record, the heaviest first, so one long description cannot flood the index. */
export const MAX_TERMS_PER_RECORD = 64;

/**
 * Words that say nothing about which technology is meant: they appear in almost every need
 * ("希望合作开发一种……技术"), so sharing them is no reason to match.
 */
export const STOP_TERMS: ReadonlySet<string> = new Set([
  '技术',
  '研究',
  '开发',
  '研发',
  '应用',
  '系统',
  '企业',
  '公司',
  '需求',
  '问题',
  '解决',
  '提高',
  '提升',
  '实现',
  '进行',
  '相关',
  '方面',
  '我们',
  '我司',
  '本公司',
  '产品',
  '项目',
  '方法',
  '需要',
  '希望',
  '合作',
  '能力',
  '一种',
  '具有',
  '以及',
  '通过',
  '目前',
  '现有',
  '主要',
  '可以',
  '能够',
  '进一步',
  '包括',
  '其中',
  '采用',
  '基于',
  '用于',
  '关键',
  '成果',
  '领域',
  '国内',
  '国际',
  '先进',
  '水平',
  '有限公司',
  '工作',
  '使用',
  '生产',
  '达到',
  '要求',
  '情况',
  '完成',
  '显著',
  '良好',
]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAS_LETTER_OR_CJK = /[a-z\u3400-\u9fff\uf900-\ufaff]/;

/** Full-width to half-width, lower case, one space for any run of punctuation. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Whether a piece of segmenter output is worth indexing. */
export function isIndexableTerm(term: string): boolean {
  if (term.length < 2 || term.length > 20) return false;
  if (!HAS_LETTER_OR_CJK.test(term)) return false; // numbers, punctuation, spaces
  if (/\s/.test(term)) return false;
  return !STOP_TERMS.has(term);
}

/**
 * Overlapping character pairs of each run of Chinese, and whole Latin words: a segmenter that needs
 * no dictionary. It finds the shared words a dictionary would ("加氢", "催化剂" → "催化", "化剂"),
 * plus some pairs across word boundaries, which the idf weight makes cheap.
 */
export function bigramSegment(text: string): string[] {
  const terms: string[] = [];
  for (const run of normaliseText(text).match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9.+#-]*/g) ?? []) {
    if (!CJK.test(run[0])) {
      terms.push(run);
      continue;
    }
    if (run.length === 1) continue;
    for (let index = 0; index + 2 <= run.length; index++) terms.push(run.slice(index, index + 2));
  }
  return terms;
}

/**
 * The weighted terms of one record: every indexable piece of its keywords (and each keyword whole),
 * title and description, weighted by the heaviest place it occurs in.
 */
export function extractTerms(source: TermSource, segment: Segmenter): Map<string, number> {
  const weights = new Map<string, number>();
  const order: string[] = [];
  const add = (term: string, weight: number) => {
    if (!isIndexableTerm(term)) return;
    const current = weights.get(term);
    if (current === undefined) order.push(term);
    if (current === undefined || current < weight) weights.set(term, weight);
  };
  for (const keyword of source.keywords) {
    const whole = normaliseText(keyword).trim();
    add(whole, TERM_WEIGHTS.keyword);
    for (const piece of segment(whole)) add(normaliseText(piece).trim(), TERM_WEIGHTS.keyword);
  }
  for (const piece of segment(normaliseText(source.title))) add(piece.trim(), TERM_WEIGHTS.title);
  for (const piece of segment(normaliseText(source.description))) add(piece.trim(), TERM_WEIGHTS.description);
  if (order.length <= MAX_TERMS_PER_RECORD) return weights;
  const kept = [...order]
    .sort((left, right) => (weights.get(right) ?? 0) - (weights.get(left) ?? 0))
    .slice(0, MAX_TERMS_PER_RECORD);
  return new Map(kept.map((term) => [term, weights.get(term) ?? 0]));
}

/** The stored form: parallel arrays, and the sum of the weights (the record's length for scoring). */
export function toStoredTerms(weights: Map<string, number>): {
  terms: string[];
  weights: number[];
  weightSum: number;
} {
  const terms = [...weights.keys()];
  const values = terms.map((term) => weights.get(term) ?? 0);
  return { terms, weights: values, weightSum: values.reduce((sum, value) => sum + value, 0) };
}
