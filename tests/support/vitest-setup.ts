import { afterAll, beforeAll, beforeEach } from 'vitest';
import { getTestDb, resetTestDb } from './test-db';

// One database per run (shared across files because isolate is off); clean tables before each test.
beforeAll(async () => {
  await getTestDb();
});

beforeEach(async () => {
  await resetTestDb();
});

afterAll(async () => {
  // The handle stays open across files; the process exit closes it.
});
