import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the project's own rule file, through the same CLI `npm run lint` uses, over small trees laid
// out like the repository, so a rule that stops matching (or starts matching too much) fails here.
const repoRoot = path.resolve(import.meta.dirname, '..');
const cli = path.join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const ruleFile = path.join(repoRoot, '.dependency-cruiser.cjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface CruiseReport {
  summary: {
    violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[];
    totalCruised: number;
  };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes the files into a new temporary folder, beside a copy of the repository's tsconfig. */
function layTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dependency-rules-'));
  roots.push(root);
  fs.copyFileSync(path.join(repoRoot, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

function runCli(root: string, outputType: 'json' | 'err') {
  return spawnSync(
    process.execPath,
    [cli, '--config', ruleFile, '--output-type', outputType, 'domain/src', 'server/src', 'web/src'],
    { cwd: root, encoding: 'utf8' },
  );
}

/** The violations as the JSON report lists them, sorted by rule and importing file. */
function cruise(root: string): { violations: Violation[]; cruised: number } {
  const run = runCli(root, 'json');
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as CruiseReport;
  const violations = report.summary.violations.map((violation) => {
    if (!violation.cycle) return { rule: violation.rule.name, from: violation.from, to: violation.to };
    // A circle is reported once, from whichever of its files was reached first: name it by its files.
    const [first, ...rest] = [
      ...new Set([violation.from, ...violation.cycle.map((step) => step.name)]),
    ].sort();
    return { rule: violation.rule.name, from: first, to: rest.join(', ') };
  });
  violations.sort((a, b) => `${a.rule} ${a.from}`.localeCompare(`${b.rule} ${b.from}`));
  return { violations, cruised: report.summary.totalCruised };
}

/** What `npm run lint` sees: the exit code of the default (error) report. */
function lintExitCode(root: string): number {
  return runCli(root, 'err').status ?? -1;
}

/** A layout that keeps every rule: the same shapes as the broken one, done the allowed way. */
const cleanTree: Record<string, string> = {
  'domain/src/text.ts': 'export type Text = { zh: string; en: string };\n',
  'domain/src/i18n.ts':
    "import type { Text } from './text';\nexport const hello: Text = { zh: '你好', en: 'Hello' };\n",
  'domain/src/rules/messages.ts':
    "import type { Text } from '../text';\nexport const messages: Text[] = [];\n",
  'server/src/core/module.ts': 'export interface ModuleManifest { name: string }\n',
  'server/src/app.ts':
    "import { MODULES } from './modules/index';\nexport const names = MODULES.map((module) => module.name);\n",
  'server/src/modules/index.ts':
    "import { alphaModule } from './alpha/index';\nimport { betaModule } from './beta/index';\nexport const MODULES = [alphaModule, betaModule];\n",
  'server/src/modules/alpha/index.ts':
    "import type { ModuleManifest } from '../../core/module';\nimport { alphaService } from './service';\nexport const alphaModule: ModuleManifest = { name: alphaService() };\n",
  'server/src/modules/alpha/service.ts':
    "import { betaCount } from '../beta/index';\nexport const alphaService = () => String(betaCount);\n",
  // Tests may build data through another module's internals.
  'server/src/modules/alpha/alpha.test.ts':
    "import { betaCount } from '../beta/service';\nexport { betaCount };\n",
  'server/src/modules/beta/index.ts':
    "import type { ModuleManifest } from '../../core/module';\nexport { betaCount } from './service';\nexport const betaModule: ModuleManifest = { name: 'beta' };\n",
  'server/src/modules/beta/service.ts': 'export const betaCount = 2;\n',
  'web/src/modules/index.ts':
    "import { oneModule } from './one/index';\nexport const WEB_MODULES = [oneModule];\n",
  'web/src/modules/one/index.tsx':
    "export const oneModule = { load: () => import('./one-page'), badge: () => import('../two/index') };\n",
  'web/src/modules/one/one-page.tsx':
    "import { TwoBadge } from '../two/index';\nexport const OnePage = TwoBadge;\n",
  'web/src/modules/two/index.tsx': "export { TwoBadge } from './two-badge';\n",
  'web/src/modules/two/two-badge.tsx': 'export const TwoBadge = () => null;\n',
  'web/src/app/router.tsx':
    "import { WEB_MODULES } from '../modules/index';\nexport const routes = WEB_MODULES;\n",
};

describe('the dependency rules', () => {
  it('let a layout that keeps them pass', () => {
    const root = layTree(cleanTree);
    const result = cruise(root);
    expect(result.violations).toEqual([]);
    expect(result.cruised).toBe(Object.keys(cleanTree).length);
    expect(lintExitCode(root)).toBe(0);
  });

  it('report each broken rule by name, and nothing else', () => {
    const root = layTree({
      ...cleanTree,
      // A type-only circle, like i18n.ts and the message files it gathers.
      'domain/src/i18n.ts':
        "import { messages } from './rules/messages';\nexport type Text = { zh: string };\nexport const all = messages;\n",
      'domain/src/rules/messages.ts':
        "import type { Text } from '../i18n';\nexport const messages: Text[] = [];\n",
      'domain/src/peek.ts':
        "import { names } from '../../server/src/app';\nexport const count = names.length;\n",
      'server/src/core/module.ts':
        "import { betaCount } from '../modules/beta/index';\nexport interface ModuleManifest { name: string }\nexport const count = betaCount;\n",
      'server/src/modules/alpha/service.ts':
        "import { betaCount } from '../beta/service';\nexport const alphaService = () => String(betaCount);\n",
      'server/src/modules/beta/routes.ts':
        "import { names } from '../../app';\nexport const routes = names;\n",
      'web/src/modules/one/one-page.tsx':
        "import { TwoBadge } from '../two/two-badge';\nexport const OnePage = TwoBadge;\n",
      'web/src/app/router.tsx':
        "import { WEB_MODULES } from '../modules/index';\nexport const routes = [WEB_MODULES, () => import('../modules/one/one-page')];\n",
    });
    const result = cruise(root);
    expect(lintExitCode(root)).not.toBe(0);
    expect(result.violations).toEqual([
      {
        rule: 'core-imports-no-module',
        from: 'server/src/core/module.ts',
        to: 'server/src/modules/beta/index.ts',
      },
      { rule: 'domain-imports-no-app', from: 'domain/src/peek.ts', to: 'server/src/app.ts' },
      { rule: 'module-imports-no-app', from: 'server/src/modules/beta/routes.ts', to: 'server/src/app.ts' },
      { rule: 'no-circular', from: 'domain/src/i18n.ts', to: 'domain/src/rules/messages.ts' },
      // core/module.ts → beta/index.ts → core/module.ts (beta's manifest needs the core type).
      { rule: 'no-circular', from: 'server/src/core/module.ts', to: 'server/src/modules/beta/index.ts' },
      {
        rule: 'router-imports-no-page',
        from: 'web/src/app/router.tsx',
        to: 'web/src/modules/one/one-page.tsx',
      },
      {
        rule: 'server-module-through-index',
        from: 'server/src/modules/alpha/service.ts',
        to: 'server/src/modules/beta/service.ts',
      },
      {
        rule: 'web-module-through-index',
        from: 'web/src/modules/one/one-page.tsx',
        to: 'web/src/modules/two/two-badge.tsx',
      },
    ]);
  });
});
