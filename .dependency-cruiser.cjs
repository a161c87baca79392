/**
 * The import rules `npm run hygiene` checks (README.md, "Development"). Each package is used
 * through its public entry; imports form no cycle; what a file imports, its package declares.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle, type-only or not: move the shared type or constant to the module both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to no file (but kubernetes-types: types only, its `core/v1.js` is `core/v1.d.ts`, which tsc resolves).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^kubernetes-types/[a-z0-9]+/v[0-9a-z]+[.]js$' },
    },
    {
      name: 'no-undeclared-dependency',
      severity: 'error',
      comment:
        "An npm package the importing file's package.json does not declare (the root package.json's " +
        'devDependencies count for every workspace: test tools).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependency-in-source',
      severity: 'error',
      comment:
        "A package's source (src/, bin/) imports a devDependency: declare it in dependencies. Type " +
        'declarations (@types/*) are compile-time only and may stay devDependencies.',
      from: { path: '^(packages/[^/]+|functions)/(src|bin)/' },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['npm', 'npm-peer'],
        pathNot: '^node_modules/@types/',
      },
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment:
        "Another workspace's source is imported through its public entry (`@customs/<name>`, its " +
        'package.json "exports"), never by a path into it. The Lambda entry points (functions/src/*.ts, ' +
        'which infra names by path) are public too.',
      from: { path: '^(packages/[^/]+|functions|test|infra)/' },
      to: {
        path: '^(packages/[^/]+|functions)/src/',
        pathNot: ['^$1/', '^functions/src/[^/]+[.]ts$'],
        dependencyTypesNot: ['aliased-workspace'],
      },
    },
  ],
  options: {
    // @swc/core parses: TypeScript 7 has no JavaScript compiler API for the `tsc` parser.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // packages/dashboard/src/ui: the browser bundle's .tsx, which the swc parser here does not read
    // (JSX); it imports only preact and itself, and knip checks its dependencies and exports.
    exclude: { path: ['^\\.sst/', '/fixtures/', '/snapshots/', '^packages/dashboard/src/ui/'] },
    // A workspace's package.json, then the root one: test tools are the root's devDependencies.
    combinedDependencies: true,
    enhancedResolveOptions: {
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
