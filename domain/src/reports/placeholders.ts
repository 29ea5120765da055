import { indicatorPeriodSchema } from '../indicators/periods';

/**
 * A placeholder in a report's text: `{{cultivation.hte-valid}}` is the figure of the report's year,
 * `{{key@ytd}}` the next year to date (今年以来), `{{key@next-H1}}` the next year's first half,
 * `{{key@prev}}` the year before, `{{key@2021-Q2}}` a named period; `{{year}}`, `{{nextYear}}` and
 * `{{district}}` are the report's own words.
 */
const PLACEHOLDER = /\{\{\s*([^{}@\s]+)(?:@([^{}\s]+))?\s*\}\}/g;
const WORDS = new Set(['year', 'nextYear', 'district']);

export interface Placeholder {
  raw: string;
  key: string;
  /** The period the figure is read for; null for the report's own words. */
  period: string | null;
}

/** The period a placeholder's `@…` names for a report of `year`, or null when it names none. */
export function resolvePlaceholderPeriod(at: string | undefined, year: number): string | null {
  const relative: Record<string, string> = {
    ytd: `${year + 1}-YTD`,
    next: `${year + 1}`,
    prev: `${year - 1}`,
    'next-H1': `${year + 1}-H1`,
    'next-H2': `${year + 1}-H2`,
  };
  if (at === undefined) return String(year);
  const period = relative[at] ?? at;
  return indicatorPeriodSchema.safeParse(period).success ? period : null;
}

export interface PlaceholderProblem {
  raw: string;
  reason: { zh: string; en: string };
}

/** The placeholders of a text, and what is wrong with those that name no indicator or no period. */
export function readPlaceholders(
  text: string,
  year: number,
  isIndicator: (key: string) => boolean,
): { placeholders: Placeholder[]; problems: PlaceholderProblem[] } {
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [raw, key, at] = match;
    if (WORDS.has(key) && at === undefined) {
      placeholders.push({ raw, key, period: null });
      continue;
    }
    if (!isIndicator(key)) {
      problems.push({ raw, reason: { zh: `没有名为 ${key} 的指标`, en: `no indicator is called ${key}` } });
      continue;
    }
    const period = resolvePlaceholderPeriod(at, year);
    if (period === null) {
      problems.push({
        raw,
        reason: {
          zh: `期间 ${at} 无法识别（可用 ytd、next、prev、next-H1 或 2021-H1 这样的期间）`,
          en: `period ${at} is not understood (use ytd, next, prev, next-H1 or a period like 2021-H1)`,
        },
      });
      continue;
    }
    placeholders.push({ raw, key, period });
  }
  const stray = text.replace(PLACEHOLDER, '');
  if (stray.includes('{{') || stray.includes('}}')) {
    problems.push({
      raw: stray.includes('{{') ? '{{' : '}}',
      reason: { zh: '占位符的花括号不成对', en: 'a placeholder’s braces are not paired' },
    });
  }
  return { placeholders, problems };
}

/** The text with each placeholder replaced by what `valueOf` gives for it. */
export function fillPlaceholders(
  text: string,
  textOf: (placeholder: Placeholder) => string,
  year: number,
): string {
  return text.replace(PLACEHOLDER, (raw, key: string, at: string | undefined) => {
    const period = WORDS.has(key) && at === undefined ? null : resolvePlaceholderPeriod(at, year);
    return textOf({ raw, key, period });
  });
}
