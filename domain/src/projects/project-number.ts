/**
 * 项目编号 patterns: literal text with the placeholders `{year}` (the plan year), `{category}` (the
 * plan category's code) and `{seq}` / `{seq:N}` (the running number, at least N digits). The district
 * chooses one pattern; every established project is numbered by it.
 */

/** Today's numbers, e.g. `JN-KJ-2021-001`. */
export const DEFAULT_PROJECT_NUMBER_PATTERN = 'JN-KJ-{year}-{seq:3}';

export type ProjectNumberPatternProblem =
  | 'unknownPlaceholder'
  | 'unclosedBrace'
  | 'noSeq'
  | 'repeatedPlaceholder'
  | 'adjacentPlaceholders'
  | 'badSeqWidth'
  | 'badCharacter';

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'year' }
  | { kind: 'category' }
  | { kind: 'seq'; width: number };

const PLACEHOLDER = /^(year|category|seq)(?::(\d{1,2}))?$/;
/** Literal text is printed on documents and typed in searches: no spaces, no braces. */
const LITERAL = /^[^\s{}]*$/;

function splitPattern(pattern: string): Part[] | ProjectNumberPatternProblem {
  const parts: Part[] = [];
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) return 'unclosedBrace';
    if (open === -1) {
      parts.push({ kind: 'literal', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'literal', text: rest.slice(0, open) });
    if (close === -1) return 'unclosedBrace';
    const match = PLACEHOLDER.exec(rest.slice(open + 1, close));
    if (!match) return 'unknownPlaceholder';
    if (match[1] === 'seq') {
      const width = match[2] === undefined ? 1 : Number(match[2]);
      if (width < 1 || width > 8) return 'badSeqWidth';
      parts.push({ kind: 'seq', width });
    } else {
      if (match[2] !== undefined) return 'unknownPlaceholder';
      parts.push({ kind: match[1] as 'year' | 'category' });
    }
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** Why a pattern cannot number projects, or null when it can. */
export function checkProjectNumberPattern(pattern: string): ProjectNumberPatternProblem | null {
  const parts = splitPattern(pattern);
  if (typeof parts === 'string') return parts;
  if (parts.some((part) => part.kind === 'literal' && !LITERAL.test(part.text))) return 'badCharacter';
  const counts = { year: 0, category: 0, seq: 0 };
  for (const part of parts) if (part.kind !== 'literal') counts[part.kind] += 1;
  // Without a running number two projects of the same year would get the same 编号.
  if (counts.seq === 0) return 'noSeq';
  if (counts.year > 1 || counts.category > 1 || counts.seq > 1) return 'repeatedPlaceholder';
  // `{category}{seq}` could read `ab1` + 2 and `ab` + 12 alike; a separator keeps numbers apart.
  for (let index = 1; index < parts.length; index++) {
    const [before, after] = [parts[index - 1], parts[index]];
    if (before.kind === 'literal' || after.kind === 'literal') continue;
    if (before.kind !== 'year' && after.kind !== 'year') return 'adjacentPlaceholders';
  }
  return null;
}

function partsOf(pattern: string): Part[] {
  const parts = splitPattern(pattern);
  const problem = checkProjectNumberPattern(pattern);
  if (typeof parts === 'string' || problem) {
    throw new Error(`项目编号格式不正确 / invalid project number pattern "${pattern}": ${problem}`);
  }
  return parts;
}

export interface ProjectNumberValues {
  year: number;
  categoryCode: string;
  seq: number;
}

/** The number of one project: `formatProjectNumber('JN-KJ-{year}-{seq:3}', {year: 2021, seq: 7, …})` is `JN-KJ-2021-007`. */
export function formatProjectNumber(pattern: string, values: ProjectNumberValues): string {
  return partsOf(pattern)
    .map((part) => {
      if (part.kind === 'literal') return part.text;
      if (part.kind === 'year') return String(values.year);
      if (part.kind === 'category') return values.categoryCode;
      return String(values.seq).padStart(part.width, '0');
    })
    .join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Reads a number back: its running number, and the year and category where the pattern has them;
 * null when the number is not in the pattern's format. With `scope`, only numbers of that year and
 * category match (the numbers a new one continues from).
 */
export function parseProjectNumber(
  pattern: string,
  projectNo: string,
  scope?: { year: number; categoryCode: string },
): { seq: number; year: number | null; categoryCode: string | null } | null {
  const parts = partsOf(pattern);
  const groups: Part['kind'][] = [];
  const source = parts
    .map((part) => {
      if (part.kind === 'literal') return escapeRegExp(part.text);
      if (part.kind === 'year' && scope) return escapeRegExp(String(scope.year));
      if (part.kind === 'category' && scope) return escapeRegExp(scope.categoryCode);
      groups.push(part.kind);
      if (part.kind === 'year') return '(\\d{4})';
      if (part.kind === 'category') return '([A-Za-z0-9_-]+)';
      return `(\\d{${part.width},})`;
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(projectNo);
  if (!match) return null;
  const value = (kind: Part['kind']) => {
    const index = groups.indexOf(kind);
    return index === -1 ? undefined : match[index + 1];
  };
  const has = (kind: Part['kind']) => parts.some((part) => part.kind === kind);
  return {
    seq: Number(value('seq')),
    year: has('year') ? Number(value('year') ?? scope?.year) : null,
    categoryCode: has('category') ? (value('category') ?? scope?.categoryCode ?? null) : null,
  };
}

/** The next number of a year and category, after those already given in the pattern's format. */
export function nextProjectNumber(
  pattern: string,
  values: { year: number; categoryCode: string },
  existing: Iterable<string>,
): string {
  let last = 0;
  for (const projectNo of existing) {
    const parsed = parseProjectNumber(pattern, projectNo, values);
    if (parsed && parsed.seq > last) last = parsed.seq;
  }
  return formatProjectNumber(pattern, { ...values, seq: last + 1 });
}

/**
 * What the numbers of one year and category share, for a `like` filter and a lock: the pattern with
 * the year and category filled in and the running number as `%` (`_` and `%` escaped).
 */
export function projectNumberScope(pattern: string, values: { year: number; categoryCode: string }): string {
  return partsOf(pattern)
    .map((part) => {
      if (part.kind === 'seq') return '%';
      const text =
        part.kind === 'literal'
          ? part.text
          : part.kind === 'year'
            ? String(values.year)
            : values.categoryCode;
      return text.replace(/[\\%_]/g, '\\$&');
    })
    .join('');
}
