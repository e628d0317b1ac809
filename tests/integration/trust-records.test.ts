// A supporter's record is theirs alone: a stranger's submission with their address changes nothing
// anyone sees, and forgetting a person cannot be undone by a send that finishes afterwards.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { campaigns, emailOutbox, senators, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { drainOutbox } from '@/lib/email/drain';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import type { EmailTransport } from '@/lib/email/transports';
import { exportSigners } from '@/lib/exports/export-signers';
import { getDeliveryPacket } from '@/lib/letters/get-delivery-packet';
import { forgetPerson } from '@/lib/people/forget-person';
import { listRecentSigners } from '@/lib/petitions/list-recent-signers';
import { signPetition } from '@/lib/petitions/sign-petition';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
let campaignId: string;

beforeEach(async () => {
  const { db } = await getTestDb();
  ({ campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' }));
  await db.update(campaigns).set({ signerVisibility: 'full_name_state' }).where(eq(campaigns.id, campaignId));
});

const csv = async (preset: 'crm' | 'delivery') => {
  const analyst = await makeStaff('analyst');
  const res = await exportSigners({ actor: analyst, input: { preset, campaignId } });
  return new TextDecoder().decode(await new Response(res.body).arrayBuffer());
};

describe('a repeat signature with another name', () => {
  it('leaves the public page, the packet, both export presets and the profile unchanged', async () => {
    const { db } = await getTestDb();
    await signPetition({ input: { campaignSlug: SLUG, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', zip: '60601', optIn: false } });
    await db.update(signatures).set({ verifiedAt: new Date() });
    await db.update(supporters).set({ emailVerifiedAt: new Date() });
    // A fake senator row for the packet's state (the roster is not imported here).
    await db.insert(senators).values({ bioguideId: 'X000001', officialName: 'Pat Example', firstName: 'Pat', lastName: 'Example', state: 'IL', party: 'Independent' });
    const owner = await makeStaff('owner');
    const before = {
      page: await listRecentSigners(campaignId, 'full_name_state'),
      packet: (await getDeliveryPacket({ actor: owner, input: { campaignId, senatorId: 'X000001' } })).signers,
      crm: await csv('crm'),
      delivery: await csv('delivery'),
      profile: await db.select().from(supporters),
    };
    expect(before.page.map((s) => s.name)).toEqual(['Ada Lovelace']);
    expect(before.packet).toEqual([{ name: 'Ada Lovelace', city: null }]);

    const again = await signPetition({
      input: { campaignSlug: SLUG, firstName: '=HYPERLINK("x")', lastName: 'Mallory', email: 'ADA@example.org ', zip: '10001', comment: 'Not Ada', optIn: false },
    });
    expect(again.status).toBe('already_signed');

    expect(await listRecentSigners(campaignId, 'full_name_state')).toEqual(before.page);
    expect((await getDeliveryPacket({ actor: owner, input: { campaignId, senatorId: 'X000001' } })).signers).toEqual(before.packet);
    expect(await csv('crm')).toEqual(before.crm);
    expect(await csv('delivery')).toEqual(before.delivery);
    expect(await db.select().from(supporters)).toEqual(before.profile);
  });
});

describe('forgetting a person while a send is in flight', () => {
  it('the send finishing afterwards records its outcome but writes nothing personal back', async () => {
    const { db } = await getTestDb();
    const [person] = await db.insert(supporters).values({ email: 'gone@example.org', firstName: 'Gone', lastName: 'Soon' }).returning();
    await db.transaction((tx) =>
      enqueueEmail(tx, {
        template: 'letters-already-written',
        to: 'gone@example.org',
        props: { firstName: 'Gone', campaignTitle: 'A campaign', senators: [{ name: 'Senator X' }], campaignUrl: 'http://localhost:3000/c/x', coalitionName: 'C', unsubscribeUrl: secretLink('/unsubscribe/{token}', 'u'.repeat(43)) },
        idempotencyKey: 'race:1',
      }),
    );
    // The provider call blocks until the forget has committed.
    let release!: () => void;
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const gate = new Promise<void>((r) => (release = r));
    const transport: EmailTransport = {
      name: 'slow',
      async send() {
        started();
        await gate;
        return { id: 'provider-1' };
      },
    };
    const drain = drainOutbox({ transport, limit: 5 });
    await inFlight;
    const admin = await makeStaff('admin');
    await forgetPerson({ actor: admin, input: { supporterId: person.id, confirmation: 'FORGET' } });
    release();
    expect(await drain).toMatchObject({ sent: 1 });

    const [row] = await db.select().from(emailOutbox);
    expect(row.status).toBe('sent');
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(row.toAddress).toBe('forgotten');
    expect(row.props).toEqual({});
    expect([row.renderedSubject, row.renderedHtml, row.renderedText]).toEqual([null, null, null]);
    expect(JSON.stringify(row)).not.toMatch(/Gone|gone@example/);
  });
});
