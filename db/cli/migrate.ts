import { closeDb, getDbHandle } from '../client';
import { migrateDb } from '../migrate';
import { PgliteLockedError } from '../pglite-lock';

async function main() {
  const handle = getDbHandle();
  await migrateDb(handle);
  console.log(`Migrations applied (${handle.driver}).`);
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof PgliteLockedError ? e.message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
