import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appSettings } from '@/db/schema';
import { env } from '@/lib/env';

const KEY = 'server_actions_key';

/**
 * Make every instance on one PostgreSQL database encrypt server actions with the same key. Next
 * encrypts a form's bound values (the campaign a petition form posts to) into the page, and the
 * pages are shared between instances (lib/cache): an instance that cannot decrypt another's page
 * refuses its forms. NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, is that key (the same on every
 * instance); unset, one is generated once and kept in app_settings, and set in this process's
 * environment before the first request, when Next first reads it. The embedded database has one
 * instance: its build's own key does.
 */
export async function shareServerActionsKey(): Promise<'environment' | 'database' | 'build'> {
  const e = env();
  if (e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return 'environment';
  if (!e.DATABASE_URL) return 'build';
  const db = getDb();
  await db.insert(appSettings).values({ key: KEY, value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = row.value;
  return 'database';
}
