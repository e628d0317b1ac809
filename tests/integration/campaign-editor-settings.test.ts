import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, campaigns, organisations } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { getCoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { updateCoalition } from '@/lib/organisations/update-coalition';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';

// Coalition settings: the delivery inbox the campaign editor's routing depends on.

let admin: StaffUser;
let campaignId: string;

beforeEach(async () => {
  ({ campaignId } = await seedDatabase(getDb(), { adminEmail: 'owner@settings.test' }));
  admin = await makeStaff('admin');
});

async function form(changes: Record<string, string> = {}) {
  const s = await getCoalitionSettings({ actor: admin });
  return {
    expectedUpdatedAt: s.updatedAt,
    name: s.name,
    tagline: s.tagline ?? '',
    website: s.website ?? '',
    deliveryInboxEmail: s.deliveryInboxEmail ?? '',
    ...changes,
  };
}

describe('coalition settings', () => {
  it('saves name, tagline, website and inbox, audited with the changed field names only', async () => {
    const r = await updateCoalition({
      actor: admin,
      input: await form({ tagline: 'Together for children', website: 'https://coalition.example.org', deliveryInboxEmail: ' Letters@Coalition.example.org ' }),
    });
    expect([...r.changed].sort()).toEqual(['deliveryInboxEmail', 'tagline', 'website']);
    expect(await getCoalitionSettings({ actor: admin })).toMatchObject({
      tagline: 'Together for children',
      website: 'https://coalition.example.org',
      deliveryInboxEmail: 'letters@coalition.example.org',
    });
    const rows = await getDb().select().from(auditLog).where(eq(auditLog.action, 'coalition.update'));
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toEqual({ fields: r.changed });
  });

  it('validates fields and refuses stale saves', async () => {
    const e = await rejection(updateCoalition({ actor: admin, input: await form({ name: ' ', website: 'javascript:alert(1)', deliveryInboxEmail: 'nope' }) }));
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['deliveryInboxEmail', 'name', 'website']);
    const stale = await form({ tagline: 'Mine' });
    await updateCoalition({ actor: admin, input: await form({ tagline: 'Theirs' }) });
    expect((await rejection(updateCoalition({ actor: admin, input: stale }))).code).toBe('CONFLICT');
  });

  it('keeps the inbox while a live campaign routes letters to it', async () => {
    await updateCoalition({ actor: admin, input: await form({ deliveryInboxEmail: 'letters@coalition.example.org' }) });
    await getDb().update(campaigns).set({ deliveryMode: 'coalition_inbox' }).where(eq(campaigns.id, campaignId));
    const e = await rejection(updateCoalition({ actor: admin, input: await form({ deliveryInboxEmail: '' }) }));
    expect(e.fieldErrors?.deliveryInboxEmail?.[0]).toMatch(/Change their delivery first/);
    const [org] = await getDb().select().from(organisations);
    expect(org.deliveryInboxEmail).toBe('letters@coalition.example.org');
  });

  it('is for owners and admins only', async () => {
    const input = await form({ tagline: 'x' });
    for (const role of ['editor', 'analyst', 'viewer'] as const) {
      const actor = await makeStaff(role);
      expect((await rejection(updateCoalition({ actor, input }))).code).toBe('FORBIDDEN');
      expect((await rejection(getCoalitionSettings({ actor }))).code).toBe('FORBIDDEN');
    }
  });
});
