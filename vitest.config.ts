import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects (README, "Tests"):
 *   unit — every tests/**\/*.test.ts except the end-to-end ones: pure code, fixtures, CLIs on
 *          small folders. No site build, no browser, no LibreOffice. `npm run test:unit`.
 *   e2e  — files named *.e2e.test.ts: build the site (once, shared: tests/helpers/site.ts), open
 *          it in Chromium, open downloads in LibreOffice, run the benchmark.
 * `npm test` runs both (after `npm run check`).
 */
const E2E = 'tests/**/*.e2e.test.ts';

export default defineConfig({
  test: {
    // One scratch folder per run (also every test's and child process's TMPDIR, removed at the
    // end); the site is built lazily, once, by the first test that needs it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Vitest's default is one worker less than the cores: on a 2-core runner that is ONE worker,
    // and the whole suite ran file after file. Most time here is spent waiting on child processes
    // (CLIs, builds, Chromium, LibreOffice), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure tests share their workers' module cache (no fresh import of the pipeline,
          // papaparse and pinyin-pro per file): 153 → 93 CPU s for the same 834 tests.
          isolate: false,
          include: ['tests/**/*.test.ts'],
          exclude: [E2E, '**/node_modules/**'],
          // helpers/site.ts and helpers/browser.ts refuse to build or launch under it.
          env: { PORTAL_TEST_UNIT: '1' },
        },
      },
      {
        extends: true,
        // A test may wait for a build (they take turns per checkout) on a busy machine.
        test: { name: 'e2e', include: [E2E], testTimeout: 300_000 },
      },
    ],
  },
});
