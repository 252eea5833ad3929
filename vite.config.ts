/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'

const src = fileURLToPath(new URL('./src', import.meta.url))

/**
 * App tests that need modules loaded fresh: one changes the process's time zone (formatters are
 * built once per zone and kept), one watches the renderer's lazy chunk load for the first time.
 */
const APP_TESTS_NEEDING_FRESH_MODULES = [
  'test/app/search/search-table.test.tsx',
  'test/app/rich-content/lazy-loading.test.tsx',
]

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    react(),
    tailwindcss(),
    // `.br` and `.gz` beside every built file, served as they are by @fastify/static. The
    // server's build (issue 14: `--ssr`, into dist/server) is read by Node, never served.
    isSsrBuild ? null : compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 0 }),
  ],
  resolve: {
    alias: {
      '@': src,
      // TanStack's store asks for the shim of useSyncExternalStore, for React before 18; React 19
      // has it, and the package's own non-shim entry uses React's (1 kB less in the first script).
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
    },
  },
  build: {
    outDir: 'dist/client',
    copyPublicDir: !isSsrBuild,
    // Which chunk holds which module: the server names a page's lazy chunks in its head (issue 14).
    manifest: !isSsrBuild,
    sourcemap: false,
    // Every browser of Vite's default target supports modulepreload: no polyfill in the first
    // script.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Decision 015. `index`: everything the entry loads up front, in one chunk (left to
        // itself, Rolldown splits what the entry shares with several lazy chunks into chunks of
        // their own, which the entry then preloads: kBs of the search page's budget). `session`:
        // sign-in and the header's user menu, loaded on every page after the first script, with
        // the pieces the lazy pages share. `admin`: the Users, Audit, Reviews and Scorecards
        // pages. `reviews`: the review schemas and API client, which the search page's review
        // column, the Review panel and the Reviews and Scorecards pages share; it comes before
        // `admin` because a group takes what its modules import too, in the order declared (after
        // `admin`, the search page's review column would load the admin pages). Few lazy chunks,
        // because the entry carries the name of each.
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            {
              name: 'session',
              test: /src[\\/](app[\\/](components[\\/](session-controls|signed-in-nav|user-menu|ui[\\/]dialog)|features[\\/]auth[\\/]|lib[\\/](session-queries|error-message|export-audit))|domain[\\/]schema[\\/]auth)|node_modules[\\/]@tanstack[\\/]react-query[\\/]/,
            },
            {
              name: 'reviews',
              test: /src[\\/](domain[\\/]schema[\\/]reviews|app[\\/]lib[\\/]review-api)\./,
            },
            {
              name: 'admin',
              test: /src[\\/]app[\\/](features[\\/](users|audit|reviews|scorecards)[\\/]|components[\\/](admin-page-error|page-pending))/,
            },
          ],
        },
      },
    },
  },
  test: {
    // Vitest's default leaves one core idle; on a 2-core machine that is half the speed.
    maxWorkers: 2,
    // Tests wait on events (findBy, a server's answer), not on time; these budgets are for a
    // 2-core machine running two suites at once, where a test that takes 3 s alone takes 10.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/domain/**/*.test.ts', 'test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['test/app/**/*.test.{ts,tsx}'],
          exclude: APP_TESTS_NEEDING_FRESH_MODULES,
          setupFiles: ['./test/app/setup.ts', './test/app/preload-lazy-modules.ts'],
          // One jsdom and one module graph per worker instead of per file: building them was
          // half of the app tests' time. Each test starts clean all the same (setup.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'app-isolated',
          environment: 'jsdom',
          include: APP_TESTS_NEEDING_FRESH_MODULES,
          setupFiles: ['./test/app/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
