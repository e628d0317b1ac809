import { afterAll, beforeAll, beforeEach } from 'vitest';
import { registerOutboxHooks } from '@/lib/boot/outbox-hooks';
import { getTestDb, resetTestDb } from './test-db';

registerOutboxHooks();

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
