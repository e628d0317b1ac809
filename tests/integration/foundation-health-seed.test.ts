import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { getDb, getDbHandle, openPostgres, setDbHandle } from '@/db/client';
import { campaigns, organisations, senators, treaties, treatyStageEvents, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { getHealth } from '@/lib/health/get-health';
import { importSenators } from '@/lib/senators/import-senators';
import { ROSTER_DIR } from '../support/roster';

// Route handlers call connection() to stay dynamic; outside Next's request scope it throws, inside
// one it resolves at once. The handler is called here as Next calls it, so it resolves here too.
vi.mock('next/server', async (real) => ({ ...(await real<typeof import('next/server')>()), connection: async () => {} }));

describe('seed', () => {
  it('creates the coalition, treaty with stage history, live demo campaign and owner, idempotently', async () => {
    const first = await seedDatabase(getDb(), {
      adminEmail: 'Owner@Example.org',
      importRoster: async () => {
        await importSenators({ source: ROSTER_DIR });
      },
    });
    expect(first.created).toEqual(['organisation', 'treaty', 'campaign', 'owner']);
    expect(first.roster).toBe('imported');

    const second = await seedDatabase(getDb(), { adminEmail: 'owner@example.org' });
    expect(second.created).toEqual([]);
    expect(second.roster).toBe('present');

    const db = getDb();
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, first.campaignId));
    expect(campaign.status).toBe('live');
    expect(campaign.signerVisibility).toBe('hidden');
    expect(campaign.letterBodyTemplate).toContain('{{senator_last_name}}');
    const [treaty] = await db.select().from(treaties).where(eq(treaties.id, first.treatyId));
    expect(treaty.statesPartiesCount).toBe(16);
    expect(treaty.signatoriesCount).toBe(89);
    const events = await db.select().from(treatyStageEvents).where(eq(treatyStageEvents.treatyId, treaty.id));
    expect(events.map((e) => e.stage)).toEqual(expect.arrayContaining(['adopted', 'signed', 'in_committee']));
    const [owner] = await db.select().from(users).where(eq(users.email, 'owner@example.org'));
    expect(owner.role).toBe('owner');
    const [{ n }] = await db.select({ n: count() }).from(organisations);
    expect(Number(n)).toBe(1);
  });

  it('reports an unreachable roster source without failing the seed', async () => {
    const result = await seedDatabase(getDb(), {
      adminEmail: 'owner@example.org',
      importRoster: async () => {
        await importSenators({ source: path.join(ROSTER_DIR, 'does-not-exist') });
      },
    });
    expect(result.roster).toBe('unavailable');
    expect(result.rosterMessage).toBeTruthy();
  });
});

describe('health', () => {
  it('is ok with a full roster and degraded without one', async () => {
    expect((await getHealth()).status).toBe('degraded');
    await importSenators({ source: ROSTER_DIR });
    const health = await getHealth();
    expect(health.status).toBe('ok');
    expect(health.database.ok).toBe(true);
    expect(health.roster?.senators).toBe(100);
  });

  it('reports a real vacancy as healthy, and says which seat is empty', async () => {
    await importSenators({ source: ROSTER_DIR });
    const [gone] = await getDb().select({ id: senators.bioguideId }).from(senators).where(eq(senators.state, 'OR')).limit(1);
    await getDb().update(senators).set({ isCurrent: false }).where(eq(senators.bioguideId, gone.id));
    const health = await getHealth();
    expect(health.status).toBe('ok');
    expect(health.roster).toMatchObject({ senators: 99, vacantSeats: 1, vacancies: ['OR'] });
  });

  it('GET /api/health answers 200 with the database and a full roster', async () => {
    await importSenators({ source: ROSTER_DIR });
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.database.ok).toBe(true);
    expect(body.roster.senators).toBe(100);
  });

  it('is down when the database cannot be reached', async () => {
    const real = getDbHandle();
    const unreachable = openPostgres('postgres://nobody@127.0.0.1:1/none', 1);
    setDbHandle(unreachable);
    try {
      const health = await getHealth();
      expect(health.status).toBe('down');
      expect(health.database.ok).toBe(false);
    } finally {
      setDbHandle(real);
      await unreachable.close().catch(() => {});
    }
  });
});
