// The /dashboard figures: everything for host staff, a partner's referrals only for a partner,
// names only for roles that see people.
import { beforeEach, describe, expect, it } from 'vitest';
import { senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { SENATE_STATE_CODES } from '@/lib/geo/us-states';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { getDashboardOverview, SPARK_DAYS } from '@/lib/dashboard/get-overview';
import { createPartner } from '@/lib/organisations/create-partner';
import { signPetition } from '@/lib/petitions/sign-petition';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
let alpha: string;

beforeEach(async () => {
  const { db } = await getTestDb();
  const { campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  const owner = await makeStaff('owner');
  ({ id: alpha } = await createPartner({ actor: owner, input: { name: 'Alpha', slug: 'alpha' } }));
  await createPartner({ actor: owner, input: { name: 'Beta', slug: 'beta' } });
  await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [alpha], refOnlyPartnerBox: false } });
  const sign = (email: string, ref?: string) =>
    signPetition({ input: { campaignSlug: SLUG, firstName: 'Sam', lastName: 'Signer', email, zip: '20002', optIn: false, ref } });
  await sign('one@example.org', 'alpha');
  await sign('two@example.org', 'beta');
  await sign('three@example.org');
});

describe('getDashboardOverview', () => {
  it('gives host staff every figure: counts, sparkline, goal, whip, outbox and named activity', async () => {
    // A full Senate (two per state, none absent): two-thirds of 100 present.
    const { db } = await getTestDb();
    await db.insert(senators).values(
      SENATE_STATE_CODES.flatMap((state, i) =>
        [1, 2].map((n) => ({ bioguideId: `T${String(i * 2 + n).padStart(6, '0')}`, officialName: `Sen. ${state}${n}`, firstName: 'Test', lastName: `${state}${n}`, state, party: 'Independent' })),
      ),
    );
    const o = await getDashboardOverview({ actor: await makeStaff('owner') });
    expect(o.scope).toEqual({ kind: 'host' });
    expect(o.signatures).toMatchObject({ today: 3, week: 3, total: 3 });
    expect(o.signatures.daily).toHaveLength(SPARK_DAYS);
    expect(o.signatures.daily.at(-1)).toBe(3);
    expect(o.letters.total).toBe(0);
    expect(o.goal).toMatchObject({ count: 3 });
    expect(o.whip).toMatchObject({ needed: 67 });
    expect(o.outbox).toMatchObject({ queued: 3, failed: 0 });
    expect(o.activity).toHaveLength(3);
    expect(o.activity[0]).toMatchObject({ kind: 'signature', name: 'Sam Signer', state: 'DC' });
  });

  it('gives a viewer aggregates only: no names, no outbox', async () => {
    const o = await getDashboardOverview({ actor: await makeStaff('viewer') });
    expect(o.signatures.total).toBe(3);
    expect(o.outbox).toBeNull();
    expect(o.activity.every((a) => a.name === null)).toBe(true);
  });

  it('gives a partner only what its own links brought, without names, goal, whip or outbox', async () => {
    const partner = await makeStaff('partner', { organisationId: alpha });
    const o = await getDashboardOverview({ actor: partner });
    expect(o.scope).toEqual({ kind: 'partner', name: 'Alpha' });
    expect(o.signatures).toMatchObject({ today: 1, week: 1, total: 1 });
    expect(o.goal).toBeNull();
    expect(o.whip).toBeNull();
    expect(o.outbox).toBeNull();
    expect(o.activity).toHaveLength(1);
    expect(o.activity[0].name).toBeNull();
  });
});
