/**
 * Import boundaries of src/ (run: npx depcruise src --config .dependency-cruiser.cjs).
 *
 * Layers, low to high; a layer may import the ones below it, never the ones above:
 *
 *   kernel   src/kernel/**, src/config.ts
 *   db       src/db/**
 *   google   src/google/**                 sync may import google (jobs get ready clients), not the reverse
 *   sync     src/sync/**
 *   schema   src/schema/**
 *   server   src/server/**
 *   entry    src/gateway.ts, src/main.ts, src/services.ts, src/sync-cli.ts
 *
 * Feature modules (src/modules/<name>/**) sit beside schema: they use kernel, db, google, sync and
 * schema; only the entry files (and scripts/, test/, bench/) import them, through src/modules/index.ts.
 * Type-only imports count: they tie the layers together just as much.
 */

const KERNEL = ['^src/kernel/', '^src/config\\.ts$'];
const ENTRY = '^src/(gateway|main|services|sync-cli)\\.ts$';

/** One rule per "a lower layer imports a higher one" edge; together they keep the folders free of cycles. */
const layer = (name, from, to, comment) => ({ name: `no-folder-cycles/${name}`, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles/kernel',
      severity: 'error',
      comment: 'The kernel (config, logger, src/kernel) is the bottom layer: it imports nothing else from src.',
      from: { path: KERNEL },
      to: { path: '^src/', pathNot: KERNEL },
    },
    layer('db', '^src/db/', ['^src/(google|sync|schema|server)/', ENTRY], 'src/db is below google, sync, schema and server.'),
    layer('google', '^src/google/', ['^src/(sync|schema|server)/', ENTRY], 'src/google is below sync, schema and server (sync may import google, not the reverse).'),
    layer('sync', '^src/sync/', ['^src/(schema|server)/', ENTRY], 'src/sync is below schema and server.'),
    layer('schema', '^src/schema/', ['^src/server/', ENTRY], 'src/schema is below server.'),
    layer('server', '^src/server/', ENTRY, 'src/server is below the entry files (gateway, main, services).'),
    layer('modules', '^src/modules/', ['^src/server/', ENTRY], 'Feature modules plug into the schema; they do not reach into the HTTP server or the entry files.'),
    {
      name: 'infra-not-importing-modules',
      severity: 'error',
      comment: 'Only the entry files import feature modules (through src/modules/index.ts); the infrastructure learns about modules through the GatewayModule values it is handed.',
      from: { path: '^src/', pathNot: ['^src/modules/', ENTRY, '\\.spec\\.ts$'] },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-not-importing-other-module',
      severity: 'error',
      comment: 'A feature module does not import another one (nor the registry in src/modules/index.ts); shared code belongs in a lower layer.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: ['^src/modules/[^/]+/', '^src/modules/index\\.ts$'], pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A file-level import cycle at run time (type-only imports, erased by the compiler, do not count): load order would matter.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved (and so escapes every rule above).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: 'node_modules' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types', 'import'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
