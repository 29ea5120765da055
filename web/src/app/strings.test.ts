import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPROVAL_BULK_ACTIONS, OBJECTION_RESOLUTIONS } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { WEB_MODULES } from '../modules';
import { buildCatalogue } from './i18n';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';
import { keysOf, type Strings } from './module';

const WEB_SRC = join(import.meta.dirname, '..');

/** The shell's catalogue and every module's, by name. */
const CATALOGUES: { name: string; strings: { zhCN: Strings; en: Strings } }[] = [
  { name: 'app', strings: { zhCN, en } },
  ...WEB_MODULES.map((module) => ({ name: module.name, strings: module.strings })),
];

/**
 * Keys the code builds at run time, so no source file spells them out. A prefix stands for every
 * key under it (`t(\`reviews.modes.${mode}\`)`); where the values are known, the keys are listed.
 */
const DYNAMIC_PREFIXES = [
  'annualReport.status.',
  'dashboard.by.',
  'dashboard.funnels.',
  'dashboard.periods.',
  'dashboard.sections.',
  'planCalls.saveState.',
  'planCalls.targetKinds.',
  'platforms.figure.',
  'registers.level.',
  'registers.validity.',
  'reviews.expertStatus.',
  'reviews.modes.',
  'reviews.roundStatus.',
  'services.timings.',
  'supervision.completion.',
  'supervision.due.',
  'supervision.methods.',
];
const DYNAMIC_KEYS = [
  // t(`plan.${commentAction}`) on the approval page, t(`plan.${row.resolution}`) on the publicity page.
  ...APPROVAL_BULK_ACTIONS.map((action) => `plan.${action}`),
  ...OBJECTION_RESOLUTIONS.map((resolution) => `plan.${resolution}`),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isSource && entry.name !== 'strings.ts' ? [path] : [];
  });
}

/** Every quoted string in the code: t('a.b'), i18nKey="a.b", label: 'a.b' in a manifest, and so on. */
function literalsInSources(): Set<string> {
  const literals = new Set<string>();
  for (const file of sourceFiles(WEB_SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(['"`])([A-Za-z][\w.]*)\1/g))
      literals.add(match[2]);
  }
  return literals;
}

describe('strings', () => {
  it.each(CATALOGUES)('$name has every key in both languages', ({ name, strings }) => {
    const zh = keysOf(strings.zhCN);
    const english = keysOf(strings.en);
    expect(
      zh.filter((key) => !english.includes(key)).map((key) => `${name}: ${key}`),
      'keys without English',
    ).toEqual([]);
    expect(
      english.filter((key) => !zh.includes(key)).map((key) => `${name}: ${key}`),
      'keys without Chinese',
    ).toEqual([]);
  });

  it('uses every key somewhere in the code', () => {
    const literals = literalsInSources();
    const unused = CATALOGUES.flatMap(({ name, strings }) =>
      keysOf(strings.zhCN)
        .filter(
          (key) =>
            !literals.has(key) &&
            !DYNAMIC_KEYS.includes(key) &&
            !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)),
        )
        .map((key) => `${name}: ${key}`),
    );
    expect(unused).toEqual([]);
  });

  it('gives each namespace to one owner', () => {
    const owners = new Map<string, string[]>();
    for (const { name, strings } of CATALOGUES) {
      for (const namespace of Object.keys(strings.zhCN))
        owners.set(namespace, [...(owners.get(namespace) ?? []), name]);
    }
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
  });

  it('builds a catalogue per language holding every key of the shell and the modules', () => {
    const catalogue = buildCatalogue(WEB_MODULES);
    const expected = CATALOGUES.flatMap(({ strings }) => keysOf(strings.zhCN)).sort();
    expect(keysOf(catalogue.zhCN).sort()).toEqual(expected);
    expect(keysOf(catalogue.en).sort()).toEqual(expected);
  });
});

// The scan must reach the pages, or every key would look unused and the test would say nothing.
it('scans the module pages', () => {
  const files = sourceFiles(WEB_SRC).map((file) => relative(WEB_SRC, file));
  expect(files).toContain(join('modules', 'reviews', 'rounds-page.tsx'));
  expect(files).not.toContain(join('modules', 'reviews', 'strings.ts'));
});
