// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TEST_FILES = ['test/**', '**/*.spec.ts', 'bench/**'];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'operations/generated/', '.data/', 'coverage/', 'web/dist/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'gateway/typescript',
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        // One type-aware program per tsconfig.json (it covers src, scripts, test and bench).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Promises: every promise is awaited, returned, or explicitly `void`ed.
      '@typescript-eslint/no-floating-promises': 'error',
      // Event-emitter callbacks (`server.on('x', async () => …)`) are checked too: an async
      // listener whose rejection nobody handles is exactly what this rule is for.
      '@typescript-eslint/no-misused-promises': 'error',

      // Assertions: `x as T` only, never an object literal asserted into a type (annotate it instead).
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],

      // type-graphql's resolver APIs are typed with `Function` (`buildSchema({ resolvers })`, a module's
      // `resolvers: Function[]`); resolver classes are passed around as such.
      '@typescript-eslint/no-unsafe-function-type': 'off',

      // `_`-prefixed names mark deliberately unused parameters (positional resolver arguments, callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  {
    name: 'gateway/config-files',
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    name: 'gateway/commonjs-config-files',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', exports: 'writable', require: 'readonly', __dirname: 'readonly', __filename: 'readonly' },
    },
  },

  {
    name: 'gateway/no-double-casts',
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: '`as never` silences the type checker; give the value a type that fits.',
        },
        {
          selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
          message: '`as unknown as T` is an unchecked cast; narrow the value (or type the source) instead.',
        },
      ],
    },
  },

  {
    name: 'gateway/tests-and-bench',
    files: TEST_FILES,
    rules: {
      // Tests and benchmarks build fake errors, partial rows and stub clients.
      'no-restricted-syntax': 'off',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'allow' }],
    },
  },

  // Last: turn off every stylistic rule that Prettier owns.
  prettier,
]);
