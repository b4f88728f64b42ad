// The edges of the code base, written as data and checked in `npm test` (`npm run deps`). A violation
// names the rule and the offending import. Why each rule exists is in its comment.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'imports-resolve',
      comment:
        'An import the checker cannot resolve escapes every rule below (the @/ alias needs tsconfig.deps.json); only the packages whose exports map it does not follow are let through.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(wxt/[a-z/-]+|#imports)$' },
    },
    {
      name: 'pure-lib-imports-no-extension-wing',
      comment:
        'lib/ is pure so that the team server (Node) runs the same rules with the same code: only lib/extension/ may use the extension runtime.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/extension/' },
      to: { path: '^lib/extension/' },
    },
    {
      name: 'pure-lib-imports-no-browser-api',
      comment: "Browser extension APIs (the polyfill, WXT's browser) belong to lib/extension/ and entrypoints/.",
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/extension/' },
      // `wxt/browser` is matched unresolved too (its package exports are not followed).
      to: { path: '(^|node_modules/)(webextension-polyfill|wxt|@wxt-dev)(/|$)' },
    },
    {
      name: 'lib-imports-no-entrypoints-or-components',
      comment: 'Entry points wire lib/ and components/ together; lib/ never reaches back into them.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'spotter-model-stays-out-of-content-scripts',
      comment:
        "Issue 15: the spotter's learned model (weights JSON) runs in the background; webmail content scripts and the pages' components never load it.",
      severity: 'error',
      from: { path: '^(entrypoints/[^/]*content|lib/extension/content|lib/webmail|components)/?' },
      to: { path: '^lib/spotting/(assess|model)\\.ts$|^lib/spotting/model-weights\\.json$' },
    },
    {
      name: 'components-import-no-background',
      comment: 'Components are dumb (props in, events out) and talk to the background only through the protocol.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/extension/background/' },
    },
    {
      name: 'indexeddb-handle-stays-in-the-store',
      comment:
        "Pages, hooks and other modules read through the store's typed queries; only the store opens the database. The benches (scripts/bench) seed 100,000 records in bulk transactions and time naive whole-store reads against those queries, so they keep the raw handle.",
      severity: 'error',
      from: { pathNot: '^(lib/register/store|scripts/bench)/' },
      to: { path: '^lib/register/store/db\\.ts$' },
    },
    {
      name: 'idb-only-in-the-store',
      comment: "The idb library is the store's implementation detail.",
      severity: 'error',
      from: { pathNot: '^lib/register/store/' },
      to: { path: '(^|/)node_modules/idb/' },
    },
    {
      name: 'server-imports-no-extension',
      comment: 'The team server reuses the pure lib/ only.',
      severity: 'error',
      from: { path: '^server/' },
      to: {
        path: '^(lib/extension|components|entrypoints)/|(^|node_modules/)(webextension-polyfill|wxt|@wxt-dev|idb)(/|$)',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    exclude: { path: '^(\\.output|\\.wxt)/' },
  },
};
