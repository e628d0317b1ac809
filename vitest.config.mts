import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Three projects:
// - unit: pure functions and static checks, no database (no PGlite boot, no table resets);
// - pglite: integration tests on an in-memory PGlite;
// - postgres: the same integration tests on PostgreSQL, when TEST_DATABASE_URL is set.
// Integration projects run one worker without isolation: a PGlite instance costs seconds, so each
// run opens one database and empties its tables before each test instead. The two integration
// projects can run side by side (tests/run-all.mjs starts them as separate processes).
// The roster snapshot as JSON, parsed from YAML once per checkout (tests/support/roster-fixture.ts).
const globalSetup = ['tests/support/roster-fixture.ts'];

const integration = {
  globals: false,
  environment: 'node' as const,
  include: ['tests/integration/**/*.test.ts'],
  setupFiles: ['tests/support/vitest-setup.ts'],
  globalSetup,
  isolate: false,
  fileParallelism: false,
  testTimeout: 30_000,
  // Opening PGlite and migrating it takes ~5 s on a quiet machine and over a minute on a busy shared one.
  hookTimeout: 180_000,
};

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      globals: false,
      environment: 'node',
      include: ['tests/unit/**/*.test.ts'],
      globalSetup,
      isolate: false,
      fileParallelism: false,
      testTimeout: 30_000,
    },
  },
  { extends: true, test: { ...integration, name: 'pglite', env: { TEST_DB_DRIVER: 'pglite' } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true, test: { ...integration, name: 'postgres', env: { TEST_DB_DRIVER: 'postgres' } } });
}

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests and scripts import lib/ directly.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: { projects, reporters: ['default'] },
});
