import { and, count, eq, isNull } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { organisations, senators, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { startDrainLoop } from '@/lib/email/drain-loop';
import { mailboxEnabled } from '@/lib/email/list-mailbox';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { importSenators } from '@/lib/senators/import-senators';
import { shareServerActionsKey } from '@/lib/settings/server-actions-key';
import { welcomeLines } from './welcome';

const g = globalThis as unknown as { __ratifyBoot?: Promise<void> };

/** Called once per server process from instrumentation.ts: migrate, seed an empty database, drain mail. */
export function bootApp(): Promise<void> {
  return (g.__ratifyBoot ??= boot());
}

async function boot() {
  const e = env();
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

  const keySource = await shareServerActionsKey();
  logger.info({ source: keySource }, 'server actions encryption key');

  if (e.OUTBOX_IN_APP === '1') startDrainLoop();

  const owners = await handle.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.revokedAt)))
    .limit(3);
  const lines = welcomeLines(e, { mailboxOn: mailboxEnabled(), owners: owners.flatMap((o) => (o.email ? [o.email] : [])) });
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
