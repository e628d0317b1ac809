import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, letters } from '@/db/schema';
import { getDeliveryPacket } from '@/lib/letters/get-delivery-packet';
import { listLetters } from '@/lib/letters/list-letters';
import { listSenatorTallies } from '@/lib/letters/list-senator-tallies';
import { retryLetter } from '@/lib/letters/retry-letter';
import { forgetPerson } from '@/lib/people/forget-person';
import { letter, secondCampaign, seedWorld, senatorsOf, signer } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

async function world() {
  const w = await seedWorld();
  const other = await secondCampaign(w);
  const [ca1, ca2] = await senatorsOf('CA');
  const [ny1] = await senatorsOf('NY');
  const ada = await signer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', state: 'CA', city: 'Oakland', campaignId: w.campaignId });
  const bob = await signer({ firstName: 'Bob', lastName: 'Brown', email: 'bob@example.org', state: 'CA', city: 'Fresno', campaignId: w.campaignId });
  const uma = await signer({ firstName: 'Uma', lastName: 'Unverified', email: 'uma@example.org', state: 'CA', campaignId: w.campaignId, verified: false });
  const nia = await signer({ firstName: 'Nia', lastName: 'York', email: 'nia@example.org', state: 'NY', campaignId: w.campaignId });
  await signer({ firstName: 'Zed', lastName: 'Other', email: 'zed@example.org', state: 'CA', campaignId: other });

  const sent = await letter({ campaignId: w.campaignId, supporterId: ada.supporterId, senatorId: ca1.bioguideId, status: 'sent', withOutbox: { to: 'ca1@senate.test', status: 'sent' } });
  const failed = await letter({
    campaignId: w.campaignId, supporterId: ada.supporterId, senatorId: ca2.bioguideId, status: 'failed',
    failureReason: 'Mailbox full', withOutbox: { to: 'ca2@senate.test', status: 'failed', lastError: 'Mailbox full' },
  });
  const selfSend = await letter({ campaignId: w.campaignId, supporterId: bob.supporterId, senatorId: ca1.bioguideId, status: 'self_send', channel: 'supporter' });
  const nyLetter = await letter({ campaignId: w.campaignId, supporterId: nia.supporterId, senatorId: ny1.bioguideId, status: 'queued', withOutbox: { to: 'ny@senate.test', status: 'queued' } });
  return { ...w, other, ca1, ca2, ny1, ada, bob, uma, nia, sent, failed, selfSend, nyLetter, analyst: await makeStaff('analyst'), admin: await makeStaff('admin') };
}

describe('letters ledger', () => {
  it('lists letters with filters and pagination, without emails or letter text', async () => {
    const w = await world();
    const list = (input: Record<string, unknown>) => listLetters({ actor: w.analyst, input });
    const all = await list({});
    expect(all.total).toBe(4);
    expect(JSON.stringify(all.rows)).not.toMatch(/@|Dear Senator/);
    expect(all.rows.find((r) => r.id === w.failed.letterId)).toMatchObject({ supporterName: 'Ada Lovelace', failureReason: 'Mailbox full', status: 'failed' });

    expect((await list({ status: 'failed' })).rows.map((r) => r.id)).toEqual([w.failed.letterId]);
    expect((await list({ channel: 'supporter' })).rows.map((r) => r.id)).toEqual([w.selfSend.letterId]);
    expect((await list({ senatorId: w.ca1.bioguideId })).total).toBe(2);
    expect((await list({ state: 'ny' })).rows.map((r) => r.id)).toEqual([w.nyLetter.letterId]);
    expect((await list({ campaignId: w.other })).total).toBe(0);
    const p1 = await list({ pageSize: 3 });
    const p2 = await list({ pageSize: 3, page: 2 });
    expect(p1.pageCount).toBe(2);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(4);

    await expect(listLetters({ actor: await makeStaff('viewer'), input: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listLetters({ actor: await makeStaff('editor'), input: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('retries a failed delivery: outbox and letter back to queued, audited', async () => {
    const w = await world();
    await expect(retryLetter({ actor: w.analyst, input: { letterId: w.failed.letterId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(retryLetter({ actor: w.admin, input: { letterId: w.sent.letterId } })).rejects.toMatchObject({ code: 'CONFLICT' });

    await retryLetter({ actor: w.admin, input: { letterId: w.failed.letterId } });
    const db = getDb();
    const [l] = await db.select().from(letters).where(eq(letters.id, w.failed.letterId));
    expect(l).toMatchObject({ status: 'queued', failureReason: null });
    const [o] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, w.failed.outboxId!));
    expect(o.status).toBe('queued');
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'letter.retry'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.admin.id, entityId: w.failed.letterId });

    await expect(retryLetter({ actor: w.admin, input: { letterId: w.failed.letterId } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to retry a forgotten supporter\'s letter', async () => {
    const w = await world();
    await forgetPerson({ actor: w.admin, input: { supporterId: w.ada.supporterId, confirmation: 'FORGET' } });
    await expect(retryLetter({ actor: w.admin, input: { letterId: w.failed.letterId } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('tallies letters by status and in-state signers per senator', async () => {
    const w = await world();
    const { rows, campaign } = await listSenatorTallies({ actor: w.analyst, input: { campaignId: w.campaignId } });
    expect(campaign.id).toBe(w.campaignId);
    expect(rows).toHaveLength(100);
    const ca1 = rows.find((r) => r.senatorId === w.ca1.bioguideId)!;
    expect(ca1.letters).toMatchObject({ sent: 1, self_send: 1, failed: 0, total: 2 });
    expect(ca1).toMatchObject({ signersInState: 3, verifiedSignersInState: 2 });
    const ca2 = rows.find((r) => r.senatorId === w.ca2.bioguideId)!;
    expect(ca2.letters).toMatchObject({ failed: 1, total: 1 });
    const ny = rows.find((r) => r.senatorId === w.ny1.bioguideId)!;
    expect(ny).toMatchObject({ signersInState: 1 });
    expect(ny.letters.queued).toBe(1);
    const tx = rows.find((r) => r.state === 'TX')!;
    expect(tx).toMatchObject({ signersInState: 0, letters: { total: 0 } });
    await expect(listSenatorTallies({ actor: await makeStaff('viewer'), input: { campaignId: w.campaignId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('builds a packet of in-state verified signers with names and cities, never emails', async () => {
    const w = await world();
    await forgetPerson({ actor: w.admin, input: { supporterId: w.bob.supporterId, confirmation: 'FORGET' } });
    const packet = await getDeliveryPacket({ actor: w.analyst, input: { campaignId: w.campaignId, senatorId: w.ca1.bioguideId } });
    expect(packet.senator.state).toBe('CA');
    expect(packet.treaty.name).toBeTruthy();
    expect(packet.signersInState).toBe(3);
    expect(packet.verifiedSignersInState).toBe(2);
    expect(packet.letters).toMatchObject({ sent: 1, self_send: 1, total: 2 });
    // Bob was forgotten (still counted, not named); Uma never verified; Zed signed another campaign.
    expect(packet.signers).toEqual([{ name: 'Ada Lovelace', city: 'Oakland' }]);
    expect(JSON.stringify(packet)).not.toMatch(/@/);
    await expect(getDeliveryPacket({ actor: await makeStaff('viewer'), input: { campaignId: w.campaignId, senatorId: w.ca1.bioguideId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getDeliveryPacket({ actor: w.analyst, input: { campaignId: w.campaignId, senatorId: 'X999999' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
