import { and, count, eq, isNull } from 'drizzle-orm';
import { getDbHandle, type DbHandle } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { organisations, senators, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { startDrainLoop } from '@/lib/email/drain-loop';
import { startRosterSchedule } from '@/lib/senators/roster-schedule';
import { mailboxEnabled } from '@/lib/email/list-mailbox';
import { demoCampaign } from '@/db/seed/opsc';
import { seedDemoData } from '@/lib/demo/seed-demo-data';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { shareServerActionsKey } from '@/lib/security/server-actions-key';
import { importSenators, type ImportSenatorsResult } from '@/lib/senators/import-senators';
import { registerOutboxHooks } from './outbox-hooks';
import { welcomeLines } from './welcome';

const g = globalThis as unknown as { __ratifyBoot?: Promise<void> };

/** Called once per server process from instrumentation.ts: migrate, seed an empty database, drain mail. */
export function bootApp(): Promise<void> {
  return (g.__ratifyBoot ??= boot());
}

async function boot() {
  const e = env();
  registerOutboxHooks();
  const prepared = await prepareDatabase(getDbHandle(), {
    seed: e.SEED_ON_START === '1',
    adminEmail: e.ADMIN_EMAIL,
    senatorsSource: e.SENATORS_SOURCE,
  });
  // After the roster (letters and stances need senators), on a fresh embedded trial database only.
  if (demoDataWanted(e, getDbHandle().driver) && prepared.created.includes('campaign')) {
    prepared.roster
      .then(() => seedDemoData(getDbHandle().db, { campaignSlug: demoCampaign.slug }))
      .then((r) => {
        if (r.seeded) logger.info({ signatures: r.signatures, letters: r.letters, stances: r.stances }, 'demo data seeded (fictional; DEMO_DATA=0 skips it)');
      })
      .catch((err: Error) => logger.warn({ err }, 'demo data not seeded'));
  }
  // In the background: an unreachable roster source must not hold up the server.
  prepared.roster.catch((err: Error) =>
    logger.warn(
      { err },
      'no senate roster yet and the source could not be read; run `npm run senators:import -- <path-or-url>`',
    ),
  );

  const keySource = await shareServerActionsKey();
  logger.info({ source: keySource }, 'server actions encryption key');

  if (e.OUTBOX_IN_APP === '1') startDrainLoop();
  // After the first-boot import has had its chance (it runs in the background above).
  if (e.ROSTER_IMPORT_IN_APP === '1') void prepared.roster.catch(() => null).then(() => startRosterSchedule());

  const owners = await getDbHandle().db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.revokedAt)))
    .limit(3);
  const lines = welcomeLines(e, {
    mailboxOn: mailboxEnabled(),
    owners: owners.flatMap((o) => (o.email ? [o.email] : [])),
    demoData: demoDataWanted(e, getDbHandle().driver),
  });
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

/** Demo data goes only into the embedded database, with seeding on, unless DEMO_DATA=0. */
export function demoDataWanted(e: Pick<Env, 'DEMO_DATA' | 'SEED_ON_START'>, driver: DbHandle['driver']): boolean {
  return driver === 'pglite' && e.SEED_ON_START === '1' && e.DEMO_DATA !== '0';
}

export type PreparedDatabase = {
  /** What this call created; empty when another instance seeded first. */
  created: string[];
  /** The roster import started for an empty roster (null: not needed, or another instance did it). */
  roster: Promise<ImportSenatorsResult | null>;
};

/**
 * Migrate, then seed an empty database and import the roster when there is none. Several instances
 * may run this at once on a fresh database: migrations hold an advisory lock (db/migrate.ts), the seed
 * and the import each take a transaction-scoped one and re-check under it, so exactly one instance
 * creates the data and the others find it there.
 */
export async function prepareDatabase(
  handle: DbHandle,
  opts: { seed: boolean; adminEmail: string; senatorsSource: string },
): Promise<PreparedDatabase> {
  await migrateDb(handle);
  logger.info({ driver: handle.driver }, 'database migrated');
  if (!opts.seed) return { created: [], roster: Promise.resolve(null) };

  let created: string[] = [];
  const [{ n }] = await handle.db.select({ n: count() }).from(organisations);
  if (Number(n) === 0) {
    ({ created } = await seedDatabase(handle.db, { adminEmail: opts.adminEmail }));
    if (created.length) logger.info({ created }, 'seeded empty database');
  }
  const [{ s }] = await handle.db.select({ s: count() }).from(senators);
  const roster =
    Number(s) === 0
      ? importSenators({ source: opts.senatorsSource, db: handle.db, onlyIfEmpty: true }).then((r) => {
          if (r) logger.info({ senators: r.senatorCount, source: r.source }, 'senate roster imported');
          return r;
        })
      : Promise.resolve(null);
  return { created, roster };
}
