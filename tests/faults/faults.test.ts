import { afterAll, beforeAll, describe } from 'vitest';
import { registerOutboxHooks } from '@/lib/boot/outbox-hooks';
import { clusterSuite } from './suites/cluster';
import { concurrencySuite } from './suites/concurrency';
import { crashSuite } from './suites/crash';
import { databaseRestartSuite } from './suites/database-restart';
import { outageSuite } from './suites/outage';
import { startWorld, stopWorld, type World } from './support/world';

// The fault/proof suites of `npm run test:faults` (README, Tests): each breaks something on purpose,
// prints what it did and measured, and fails on any loss or duplicate. Suites 1, 2, 3 and 5 share one
// cluster of three production instances (from the `.next-e2e` build, NEXT_DIST_DIR) on a fresh
// database of TEST_DATABASE_URL's server; suite 4 runs its own PostgreSQL server and instance.

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!hasPostgres) console.log('[faults] skipped: the fault suites need PostgreSQL (set TEST_DATABASE_URL; CI always does)');

describe.skipIf(!hasPostgres)('fault suites', () => {
  let world: World | undefined;
  const get = () => world!;
  registerOutboxHooks();

  describe('on a shared cluster', () => {
    beforeAll(async () => {
      world = await startWorld();
    });
    afterAll(async () => {
      await stopWorld(world);
    });
    concurrencySuite(get);
    clusterSuite(get);
    outageSuite(get);
    // Last: it kills an instance.
    crashSuite(get);
  });

  databaseRestartSuite();
});
