import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import pluginRouter from '@tanstack/eslint-plugin-router'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The seams of `src`, as import rules (docs/architecture.md): `domain` imports neither `app` nor
 * `server` (nor React, nor Node); `app` never imports `server`; the shared parts of the app
 * (`components`, `lib`) import no feature; a feature imports another feature only through the
 * modules that feature exports on purpose (below). Every import from another folder goes through
 * `@/`, so these patterns see every path.
 */
const FEATURES = {
  search: [],
  conversation: [],
  // The conversation page shows rich content through its lazy boundary, never its internals.
  'rich-content': ['lazy-rich-content'],
  auth: [],
  users: [],
  audit: [],
  // Issue 13: the Review panel (the conversation page shows it through its lazy entry), the
  // Reviews page and the Scorecards page.
  review: ['review-panel'],
  reviews: [],
  scorecards: [],
  // Issue 15: the Insights view (the search page shows it through its lazy entry).
  insights: ['insights-view'],
}

const RELATIVE = {
  group: ['../*', './*/**'],
  message:
    'Import from another folder through `@/` (one alias, see docs/architecture.md); `./x` is only for a file in the same folder.',
}

const importRules = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: [RELATIVE, ...patterns] }],
})

const forbid = (group, message) => ({ group, message })

const otherFeatures = (own) =>
  Object.entries(FEATURES)
    .filter(([name]) => name !== own)
    .map(([name, exported]) =>
      forbid(
        [
          `@/app/features/${name}/**`,
          ...exported.map((module) => `!@/app/features/${name}/${module}`),
        ],
        `A feature imports another feature only through what it exports on purpose (features/${name}: ${exported.length ? exported.join(', ') : 'nothing'}); lift shared pieces to components/ or lib/.`,
      ),
    )

const zones = [
  { files: ['src/**/*.{ts,tsx}'], rules: importRules([]) },
  {
    files: ['src/domain/**/*.ts'],
    rules: importRules([
      forbid(
        ['@/app/**', '@/server/**'],
        '`domain` is shared by browser and server: it imports neither.',
      ),
      forbid(
        ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-*'],
        '`domain` has no React.',
      ),
      forbid(['node:*'], '`domain` has no Node APIs and no I/O.'),
    ]),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: importRules([forbid(['@/app/**'], 'The server does not import the SPA.')]),
  },
  {
    // Issue 14: the page renderer loads the app's server entry from its own build (or through
    // Vite in dev), never as a module of the server: it may name the entry's types, no more.
    files: ['src/server/ssr/**/*.ts'],
    rules: {
      ...importRules([]),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/**'],
              allowTypeImports: true,
              message:
                'The server renders the app from its built server entry (src/server/ssr/): types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: importRules([
      forbid(['@/server/**', 'node:*'], 'The SPA never imports server code or Node APIs.'),
    ]),
  },
  {
    files: ['src/app/components/**/*.{ts,tsx}', 'src/app/lib/**/*.{ts,tsx}'],
    rules: importRules([
      forbid(['@/server/**', 'node:*'], 'The SPA never imports server code or Node APIs.'),
      forbid(
        ['@/app/features/**', '@/app/routes/**'],
        'components/ and lib/ are shared by the features: they import no feature and no route.',
      ),
    ]),
  },
  ...Object.keys(FEATURES).map((name) => ({
    files: [`src/app/features/${name}/**/*.{ts,tsx}`],
    rules: importRules([
      forbid(['@/server/**', 'node:*'], 'The SPA never imports server code or Node APIs.'),
      forbid(['@/app/routes/**'], 'Features do not import routes (routes compose features).'),
      ...otherFeatures(name),
    ]),
  })),
]

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  ...pluginRouter.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['src/app/**/*.tsx', 'test/app/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
    },
  },
  ...zones,
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
