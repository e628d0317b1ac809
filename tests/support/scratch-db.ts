import postgres from 'postgres';
import { assertLocalDatabase } from './local-db.mjs';

// Databases of their own for suites that start whole servers (the e2e cluster spec, the fault suites):
// `<db>_<suffix>` beside the database in `baseUrl`, on this machine only.

/** `<db>_<suffix>` on the server of `baseUrl`, dropped first if a crashed run left it, then created empty. */
export async function recreateDatabase(baseUrl: string, suffix: string): Promise<string> {
  assertLocalDatabase(baseUrl, 'create a scratch database');
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || 'ratify'}_${suffix}`.replace(/[^a-z0-9_]/gi, '_');
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
