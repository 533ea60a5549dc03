// ESLint (flat config): correctness rules plus the import boundaries of the layout. Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ---- Boundaries (folder paths are renamed with the layout: keep them in this block) ----
/** Runs inside hh pages: the listing script and the page-features bundle. */
const CONTENT_SCRIPT = [
  'entrypoints/hh.content/**',
  'entrypoints/hh-pages.content/**',
  'lib/listing/**',
  'lib/hh-pages/**',
];
/** Shared code below the entry points and the extension pages' components. */
const LIB = ['lib/**'];
/** The one door to hh (markup, URLs, endpoints). */
const HH = ['lib/core/hh/**'];

const NOT_UP = {
  group: ['**/entrypoints/**', '**/components/**'],
  message: 'lib/ is below entry points and components: pass what it needs in.',
};
const NO_DB = {
  group: ['dexie', 'dexie/*', '**/db', '**/db/db', '**/db/index', '**/db/jobs'],
  allowTypeImports: true,
  message: 'content-script code never opens the database: ask the worker with a message (types are fine).',
};
const HH_SELF_CONTAINED = {
  regex: '^\\.\\./(?!match/vacancy$)',
  message:
    'lib/core/hh knows hh only: it imports no feature (the vacancy model lib/core/match/vacancy is the one shared shape).',
};
/** Runtime folders: code may import only the runtimes whose bundle it lands in (README "Layout"); types are free. */
const only = (runtime, forbidden) => ({
  group: forbidden.map((r) => `**/${r}/**`),
  allowTypeImports: true,
  message: `lib/${runtime} runs in its own bundle: it imports lib/core (and what README "Layout" allows), never ${forbidden.join(', ')}.`,
});
const CORE_ONLY = only('core', ['listing', 'hh-pages', 'worker', 'ext-pages']);
const LISTING_ONLY = only('listing', ['hh-pages', 'worker', 'ext-pages']);
const HH_PAGES_ONLY = only('hh-pages', ['worker', 'ext-pages']);
const WORKER_ONLY = only('worker', ['listing', 'hh-pages', 'ext-pages']);
const EXT_PAGES_ONLY = {
  ...only('ext-pages', ['listing', 'hh-pages']),
  group: ['**/listing/**', '**/hh-pages/**', '**/worker/!(db|queue)/**'],
};
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'artifacts/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (noUnusedLocals/Parameters) already reports these, with the project's own exceptions.
      '@typescript-eslint/no-unused-vars': 'off',
      // `any` is allowed with a comment on the line (test/unit/conventions.test.ts checks that rule).
      '@typescript-eslint/no-explicit-any': 'off',
      // Non-null assertions are used after checks tsc cannot follow (noUncheckedIndexedAccess on arrays).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Correctness rules beyond the recommended sets.
      // `new Promise((r) => setTimeout(r, ms))` is the house idiom for a sleep; its return value is harmless.
      'no-promise-executor-return': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-throw-literal': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-constructor-return': 'error',
      'array-callback-return': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  { files: LIB, rules: restrict(NOT_UP) },
  { files: ['lib/core/**'], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: restrict(NOT_UP, CORE_ONLY) },
  { files: ['lib/worker/**'], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: restrict(NOT_UP, WORKER_ONLY) },
  { files: ['lib/ext-pages/**'], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: restrict(NOT_UP, EXT_PAGES_ONLY) },
  { files: HH, ignores: ['**/*.test.ts'], rules: restrict(NOT_UP, CORE_ONLY, HH_SELF_CONTAINED) },
  { files: CONTENT_SCRIPT, rules: restrict(NOT_UP, NO_DB) },
  {
    files: ['lib/listing/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(NOT_UP, NO_DB, LISTING_ONLY),
  },
  {
    files: ['lib/hh-pages/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(NOT_UP, NO_DB, HH_PAGES_ONLY),
  },
);
