// Starts the e2e server on a fresh embedded database (PostgreSQL runs get a fresh database from
// tests/run-all.mjs instead).
import fs from 'node:fs';

if (!process.env.DATABASE_URL && process.env.PGLITE_DATA_DIR) {
  fs.rmSync(process.env.PGLITE_DATA_DIR, { recursive: true, force: true });
}
await import('../../lib/cli/start.mjs');
