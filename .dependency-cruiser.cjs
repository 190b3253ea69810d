// The layer rule (docs/design.md, "Layers"): imports run one way,
//   renderer / electron  →  src/app  →  db  →  src/core
// and nothing imports in a circle. `npm run lint:layers` checks it; `npm test` runs it through `npm run lint`.
// Type-only imports are seen too (tsPreCompilationDeps): a type names its layer as much as a value does,
// and the only type-only exceptions are written out below.

/** npm packages that tie code to a platform (SQLite, Electron, the DOM through React and its widgets), as resolved paths (their @types too) */
const pkg = (name) => `(^|/)node_modules/(@types/)?${name}/`;
const SQLITE = [pkg('better-sqlite3'), '^(node:)?sqlite$'];
const ELECTRON = [pkg('electron')];
const UI = [pkg('react'), pkg('react-dom'), pkg('antd'), pkg('@ant-design/[^/]+'), pkg('recharts')];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the modules on it cannot be understood, tested or loaded one without the other. Move what both need to a lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment:
        'src/core is the domain: plain TypeScript that imports only src/core and plain npm packages, never the store, the application, Electron or the renderer.',
      from: { path: '^src/core/' },
      to: { path: '^(db|src/app|electron|renderer|bin|test|bench)/' },
    },
    {
      name: 'core-has-no-platform',
      severity: 'error',
      comment: 'src/core runs anywhere: no SQLite, no Electron, no React or DOM widgets.',
      from: { path: '^src/core/' },
      to: { path: [...SQLITE, ...ELECTRON, ...UI] },
    },
    {
      name: 'db-imports-only-db-and-core',
      severity: 'error',
      comment: 'db/ is the store: it imports db/ and src/core, never the application, Electron or the renderer.',
      from: { path: '^db/' },
      to: { path: '^(src/app|electron|renderer|bin|test|bench)/' },
    },
    {
      name: 'db-has-no-ui',
      severity: 'error',
      comment: 'db/ is the store: no Electron, no React or DOM widgets.',
      from: { path: '^db/' },
      to: { path: [...ELECTRON, ...UI] },
    },
    {
      name: 'app-imports-app-db-core',
      severity: 'error',
      comment: 'src/app is the application: it imports src/app, db/ and src/core; Electron and the renderer call it, never the other way.',
      from: { path: '^src/app/' },
      to: { path: '^(electron|renderer|bin|test|bench)/' },
    },
    {
      name: 'app-has-no-ui',
      severity: 'error',
      comment: 'src/app serves the renderer through the API; it draws nothing.',
      from: { path: '^src/app/' },
      to: { path: UI },
    },
    {
      name: 'electron-not-renderer',
      severity: 'error',
      comment: 'The Electron main process and preload load the renderer as a page; they do not import its code.',
      from: { path: '^electron/' },
      to: { path: '^(renderer|bin|test|bench)/' },
    },
    {
      name: 'renderer-not-store',
      severity: 'error',
      comment: 'The renderer reaches the data only through the API client: never db/ or SQLite, not even for a type.',
      from: { path: '^renderer/' },
      to: { path: ['^db/', ...SQLITE] },
    },
    {
      name: 'renderer-app-only-api',
      severity: 'error',
      comment: 'Of src/app the renderer uses only the API (src/app/api): the host, the CLI, the tools and the services run outside the page.',
      from: { path: '^renderer/' },
      to: { path: '^src/app/', pathNot: '^src/app/api/' },
    },
    {
      name: 'renderer-api-client-or-types',
      severity: 'error',
      comment:
        'The renderer runs only the API client (src/app/api/client.ts); dispatch, the operations and their handlers run on the host, so the renderer may name their types only (import type).',
      from: { path: '^renderer/' },
      to: { path: '^src/app/api/', pathNot: '^src/app/api/client\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-client-types-only',
      severity: 'error',
      comment:
        'The API client is bundled into the renderer: it may import the rest of the API for types only, or the host code (and the store) would follow it into the page.',
      from: { path: '^src/app/api/client\\.ts$' },
      to: { path: '^(src/app|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-electron-bridge-types-only',
      severity: 'error',
      comment:
        'The renderer talks to Electron only through the preload bridge: it may name the types of electron/bridge.ts (import type), nothing else of electron/ and not the electron package.',
      from: { path: '^renderer/' },
      to: { path: '^electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-electron-only-bridge',
      severity: 'error',
      comment: 'The renderer talks to Electron only through the preload bridge: of electron/ it may name electron/bridge.ts alone.',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', ...ELECTRON], pathNot: '^electron/bridge\\.ts$' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer is a web page (Electron runs it sandboxed, browser mode in any browser): no Node built-in modules.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-electron|release|docs)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs', '.json', '.d.ts', '.d.mts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
