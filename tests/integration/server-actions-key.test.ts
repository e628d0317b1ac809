import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { appSettings } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { shareServerActionsKey } from '@/lib/security/server-actions-key';
import { getTestDb } from '../support/test-db';

// Instances on one database must encrypt server actions alike, or a page cached by one cannot
// post its form to another (lib/security/server-actions-key.ts).
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('shareServerActionsKey', () => {
  it('with PostgreSQL and no key set, every instance adopts the one kept in the database', async () => {
    const { db } = await getTestDb();
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/any';
    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    resetEnvCache();
    expect(await shareServerActionsKey()).toBe('database');
    const first = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    expect(Buffer.from(first!, 'base64')).toHaveLength(32);

    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY; // a second instance starting
    expect(await shareServerActionsKey()).toBe('database');
    expect(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(first);
    const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'server_actions_key'));
    expect(row.value).toBe(first);
  });

  it('a key in the environment wins, and the embedded database keeps its build key', async () => {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/any';
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = Buffer.alloc(32, 1).toString('base64');
    resetEnvCache();
    expect(await shareServerActionsKey()).toBe('environment');
    delete process.env.DATABASE_URL;
    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    resetEnvCache();
    expect(await shareServerActionsKey()).toBe('build');
    expect(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeUndefined();
  });
});
