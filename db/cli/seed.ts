import { importSenators } from '@/lib/senators/import-senators';
import { env } from '@/lib/env';
import { closeDb, getDbHandle } from '../client';
import { migrateDb } from '../migrate';
import { PgliteLockedError } from '../pglite-lock';
import { seedDatabase } from '../seed/seed-database';

async function main() {
  const e = env();
  const handle = getDbHandle();
  await migrateDb(handle);
  const result = await seedDatabase(handle.db, {
    adminEmail: e.ADMIN_EMAIL,
    importRoster: async () => {
      await importSenators({ source: e.SENATORS_SOURCE });
    },
  });
  console.log(result.created.length ? `Created: ${result.created.join(', ')}.` : 'Seed data already present; nothing changed.');
  if (result.roster === 'imported') console.log(`Senate roster imported from ${e.SENATORS_SOURCE}.`);
  if (result.roster === 'unavailable')
    console.log(`No Senate roster: ${result.rosterMessage ?? 'no source'}. Run npm run senators:import -- <path-or-url>.`);
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof PgliteLockedError ? e.message : `Seed failed: ${(e as Error).message}`);
  process.exit(1);
});
