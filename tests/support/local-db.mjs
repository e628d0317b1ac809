// The one guard every test runner puts in front of a database it is about to write to, truncate or
// drop: tests must never touch a shared or remote server by accident (a TEST_DATABASE_URL pasted
// from production would otherwise be wiped). Plain JavaScript so tests/run-all.mjs can import it
// without a TypeScript loader; tests/support/test-db.ts uses the same function.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);

/**
 * Throws unless `url` points at a database on this machine (a loopback host or a Unix socket).
 * @param {string} url a postgres:// URL
 * @param {string} [purpose] what the caller is about to do, for the message
 */
export function assertLocalDatabase(url, purpose = 'run tests') {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Refusing to ${purpose}: ${JSON.stringify(url)} is not a database URL`);
  }
  // A `?host=` parameter overrides the URL's host (postgres.js and libpq both read it); a path there
  // is a Unix socket, local by definition.
  const hosts = [parsed.hostname, ...parsed.searchParams.getAll('host').flatMap((h) => h.split(','))];
  const remote = hosts.map((h) => h.trim()).find((h) => !h.startsWith('/') && !LOCAL_HOSTS.has(h));
  if (remote !== undefined) {
    throw new Error(`Refusing to ${purpose} against a non-local database (${remote}): use one on 127.0.0.1 or localhost`);
  }
}
