// Which file may import which: checked by `npm run lint` over domain/src, server/src and web/src.
// Paths are relative to the repository root. A module folder is `server/src/modules/<m>/` or
// `web/src/modules/<m>/`; its `index.ts(x)` is the one door other modules may use.

/** Test files and the fixtures they share may build data through another module's internals. */
const TEST_SUPPORT = ['\\.test\\.tsx?$', '-fixtures\\.tsx?$', '-test-helpers\\.tsx?$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // A circle makes load order decide what is undefined at import time, and no part of it can
      // be understood or moved alone. Type-only imports count too: they tie the files just as hard.
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import circle: move the shared piece (types, constants) into its own file so the arrows go one way.',
      from: {},
      to: { circular: true },
    },
    {
      // domain/ is the pure core shared by server and web: it must run in both, so it knows neither.
      name: 'domain-imports-no-app',
      severity: 'error',
      comment: 'domain/ must not import from server/ or web/.',
      from: { path: '^domain/' },
      to: { path: '^(server|web)/' },
    },
    {
      // core/ is what every module builds on; a core file reaching into a module inverts that.
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'server/src/core/ must not import from server/src/modules/: move the shared piece into core/.',
      from: { path: '^server/src/core/' },
      to: { path: '^server/src/modules/' },
    },
    {
      // app.ts assembles the modules; a module importing it back closes a circle through every module.
      name: 'module-imports-no-app',
      severity: 'error',
      comment:
        'Nothing under server/src/modules/ may import server/src/app.ts: shared types live in server/src/core/.',
      from: { path: '^server/src/modules/' },
      to: { path: '^server/src/app\\.ts$' },
    },
    {
      // A module's files other than its index are private to it, so they can change without
      // breaking a neighbour. `$1` is the importing module's own folder.
      name: 'server-module-through-index',
      severity: 'error',
      comment: 'A server module imports another module only through server/src/modules/<other>/index.ts.',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: TEST_SUPPORT },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      // The same rule on the web side.
      name: 'web-module-through-index',
      severity: 'error',
      comment: 'A web module imports another module only through web/src/modules/<other>/index.ts(x).',
      from: { path: '^web/src/modules/([^/]+)/', pathNot: TEST_SUPPORT },
      to: {
        path: '^web/src/modules/[^/]+/',
        pathNot: ['^web/src/modules/$1/', '^web/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
    {
      // Routes come from the modules' manifests, so adding a page never touches the router.
      name: 'router-imports-no-page',
      severity: 'error',
      comment:
        'web/src/app/router.tsx reaches pages only through the module list or a module index, never a page file.',
      from: { path: '^web/src/app/router\\.tsx$' },
      to: {
        path: '^web/src/modules/',
        pathNot: ['^web/src/modules/index\\.tsx?$', '^web/src/modules/[^/]+/index\\.tsx?$'],
      },
    },
  ],
  options: {
    // Only our own source: packages are not followed, and the workspace link `@kechuang/domain`
    // resolves (through node_modules and its package.json `exports`) to domain/src/.
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(domain|server|web)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
