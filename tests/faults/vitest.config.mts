import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault/proof suites (tests/faults/faults.test.ts). One file, one worker:
// the suites share one three-instance cluster, started once, and run in order. Each test is slow on
// purpose (it breaks things and waits for the app to recover), and timing is never what it judges.
const root = path.resolve(import.meta.dirname, '..', '..');
const report = process.env.FAULTS_JSON_REPORT;

export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    name: 'faults',
    environment: 'node',
    include: ['tests/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
