import { count } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { organisations, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { startDrainLoop } from '@/lib/email/drain-loop';
import { registerOutboxHooks } from './outbox-hooks';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { importSenators } from '@/lib/senators/import-senators';

const g = globalThis as unknown as { __ratifyBoot?: Promise<void> };

/** Called once per server process from instrumentation.ts: migrate, seed an empty database, drain mail. */
export function bootApp(): Promise<void> {
  return (g.__ratifyBoot ??= boot());
}

async function boot() {
  const e = env();
  registerOutboxHooks();
  const handle = getDbHandle();
  await migrateDb(handle);
  logger.info({ driver: handle.driver }, 'database migrated');

  if (e.SEED_ON_START === '1') {
    const [{ n }] = await handle.db.select({ n: count() }).from(organisations);
    if (Number(n) === 0) {
      const seeded = await seedDatabase(handle.db, { adminEmail: e.ADMIN_EMAIL });
      logger.info({ created: seeded.created }, 'seeded empty database');
    }
    const [{ s }] = await handle.db.select({ s: count() }).from(senators);
    if (Number(s) === 0) {
      // In the background: an unreachable source must not hold up the server.
      importSenators({ source: e.SENATORS_SOURCE })
        .then((r) => logger.info({ senators: r.senatorCount, source: r.source }, 'senate roster imported'))
        .catch((err: Error) =>
          logger.warn(
            { err: err.message },
            'no senate roster yet and the source could not be read; run `npm run senators:import -- <path-or-url>`',
          ),
        );
    }
  }

  if (e.OUTBOX_IN_APP === '1') startDrainLoop();
}
