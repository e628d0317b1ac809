import { isAppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { importSenators } from '@/lib/senators/import-senators';
import { closeDb, openFromEnv, setDbHandle } from '../client';
import { migrateDb } from '../migrate';
import { PgliteLockedError } from '../pglite-lock';

// npm run senators:import [-- <path-or-url>]: the argument wins over SENATORS_SOURCE, then the default.
async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length > 1 || args[0] === '-h' || args[0] === '--help') {
    console.log('Usage: npm run senators:import [-- <folder-or-base-url>]');
    process.exit(args.length > 1 ? 1 : 0);
  }
  const source = args[0] ?? env().SENATORS_SOURCE;
  const handle = openFromEnv();
  setDbHandle(handle);
  try {
    await migrateDb(handle);
    console.log(`Importing the Senate roster from ${source} (${handle.driver})…`);
    const { senatorCount, diff, importId } = await importSenators({ source, db: handle.db });
    console.log(
      `Imported ${senatorCount} senators: ${diff.added.length} added, ${diff.removed.length} no longer serving, ` +
        `${diff.changed.length} changed (import ${importId}).`,
    );
    // A first import adds all 100: list ids only when there are few enough to read.
    if (diff.added.length && diff.added.length <= 20) console.log(`  added: ${diff.added.join(', ')}`);
    if (diff.removed.length) console.log(`  marked former: ${diff.removed.join(', ')}`);
    for (const c of diff.changed) console.log(`  changed ${c.bioguideId}: ${c.fields.join(', ')}`);
  } finally {
    await closeDb();
  }
}

main().catch((e: unknown) => {
  // Expected failures (a locked database, a bad or unreachable file) are explained without a stack.
  if (e instanceof PgliteLockedError) console.error(e.message);
  else if (isAppError(e)) console.error(`Senate roster not imported: ${e.message}`);
  else console.error(`Senate roster import failed: ${(e as Error)?.message ?? String(e)}`);
  process.exit(1);
});
