import { createRequire } from 'node:module';
import { bigramSegment, type Segmenter } from '@kechuang/domain';

interface JiebaInstance {
  cutForSearch(text: string, hmm?: boolean): string[];
}

let loaded: Segmenter | null = null;

/**
 * jieba's search-mode cut (a word and its dictionary sub-words: 新一代 → 一代, 新一代), loaded with its
 * dictionary on first use. Where the native binding cannot load, character bigrams stand in, which
 * the domain tests show rank the same test corpus alike.
 */
export function chineseSegmenter(): Segmenter {
  if (loaded) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaInstance } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    loaded = (text: string) => jieba.cutForSearch(text, true);
  } catch {
    loaded = bigramSegment;
  }
  return loaded;
}
