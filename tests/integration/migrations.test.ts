import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/raw';
import { auditLog } from '@/db/schema';
import { getTestDb } from '../support/test-db';

describe('migrations', () => {
  it('create every core table from empty and are idempotent', async () => {
    const handle = await getTestDb();
    await migrateDb(handle); // second run: a no-op
    const rows = await queryRows<{ tablename: string }>(
      handle.db,
      sql`select tablename from pg_tables where schemaname = 'public' order by 1`,
    );
    const names = rows.map((r) => r.tablename);
    for (const t of [
      'organisations', 'treaties', 'treaty_stage_events', 'campaigns', 'senators', 'senator_imports',
      'supporters', 'signatures', 'letters', 'email_outbox', 'audit_log', 'users', 'accounts',
      'sessions', 'verificationTokens', 'action_tokens', 'rate_limits',
    ]) {
      expect(names).toContain(t);
    }
  });

  it('keeps the audit log append-only', async () => {
    const { db } = await getTestDb();
    await db.insert(auditLog).values({ action: 'test.append' });
    const cause = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);
    expect(cause(await db.execute(sql`update audit_log set action = 'changed'`).catch((e) => e))).toMatch(/append-only/);
    expect(cause(await db.execute(sql`delete from audit_log`).catch((e) => e))).toMatch(/append-only/);
  });
});
