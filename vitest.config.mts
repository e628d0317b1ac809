import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Integration tests run once on PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL.
// One worker and no isolation: a PGlite instance costs seconds, so each run opens one and resets
// tables between tests instead.
const shared = {
  globals: false,
  environment: 'node' as const,
  setupFiles: ['tests/support/vitest-setup.ts'],
  include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
  isolate: false,
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { ...shared, name: 'pglite', env: { TEST_DB_DRIVER: 'pglite' } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      ...shared,
      name: 'postgres',
      include: ['tests/integration/**/*.test.ts'],
      env: { TEST_DB_DRIVER: 'postgres' },
    },
  });
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
