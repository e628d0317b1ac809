import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/raw';
import { actionTokens, campaigns, emailOutbox, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { SignatureConfirmationProps } from '@/emails/signature-confirmation';
import { env } from '@/lib/env';
import { forgetCountBases, getCountBase, rememberCountBase } from '@/lib/petitions/count-base';
import { getSignatureCount } from '@/lib/petitions/get-signature-count';
import { listRecentSigners } from '@/lib/petitions/list-recent-signers';
import { signPetition } from '@/lib/petitions/sign-petition';
import type { SignPetitionInput } from '@/lib/petitions/schemas';
import { rejection } from '../support/rejection';
import { getTestDb } from '../support/test-db';
import { liveProps } from '../support/mail-links';

const SLUG = 'protect-children-protocol';
let campaignId: string;

beforeEach(async () => {
  const { db } = await getTestDb();
  ({ campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' }));
  forgetCountBases();
});

const input = (over: Partial<SignPetitionInput> = {}): SignPetitionInput => ({
  campaignSlug: SLUG,
  firstName: 'Maria',
  lastName: 'Lopez',
  email: 'maria@example.org',
  zip: '20002',
  optIn: false,
  ...over,
});

async function tableCounts() {
  const { db } = await getTestDb();
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from supporters) as supporters, (select count(*)::int from signatures) as signatures,
               (select count(*)::int from action_tokens) as tokens, (select count(*)::int from email_outbox) as outbox`,
  );
  return row;
}

describe('signPetition', () => {
  it('counts a signature and queues one confirmation email in the same transaction', async () => {
    const res = await signPetition({ input: input({ source: 'bluesky', comment: 'Please act.' }) });
    expect(res.status).toBe('signed');
    expect(res.count).toBe(1);
    expect(await getSignatureCount(campaignId)).toBe(1);

    const { db } = await getTestDb();
    const [sig] = await db.select().from(signatures);
    expect(sig).toMatchObject({ campaignId, state: 'DC', source: 'bluesky', optedIn: false, commentStatus: 'pending' });
    expect(sig.verifiedAt).toBeNull();
    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: 'signature-confirmation',
      toAddress: 'maria@example.org',
      idempotencyKey: `sig-confirm:${sig.id}`,
    });
    const links = await liveProps(mails[0]);
    expect(links.confirmUrl).toMatch(/\/confirm\/signature\/[A-Za-z0-9_-]{43}$/);
    expect(links.unsubscribeUrl).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    const tokens = await db.select().from(actionTokens);
    expect(tokens.map((t) => t.purpose).sort()).toEqual(['confirm_signature', 'unsubscribe']);
    // Only hashes are stored.
    expect(JSON.stringify(tokens)).not.toContain(String(links.confirmUrl).split('/').pop());
  });

  it('does not count a repeat from the same email twice, or mail it again', async () => {
    await signPetition({ input: input() });
    const again = await signPetition({ input: input({ email: '  MARIA@Example.ORG ', firstName: 'María' }) });
    expect(again.status).toBe('already_signed');
    expect(again.count).toBe(1);
    expect(await tableCounts()).toMatchObject({ supporters: 1, signatures: 1, tokens: 2, outbox: 1 });
  });

  it('keeps one signature when the same person submits many times at once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => signPetition({ input: input() })));
    expect(results.filter((r) => r.status === 'signed')).toHaveLength(1);
    expect(await tableCounts()).toMatchObject({ supporters: 1, signatures: 1, outbox: 1 });
  });

  it('counts different people separately and normalises emails', async () => {
    await signPetition({ input: input() });
    const second = await signPetition({ input: input({ email: 'Jo@Example.org', firstName: 'Jo' }) });
    expect(second.count).toBe(2);
    const { db } = await getTestDb();
    const emails = (await db.select({ e: supporters.email }).from(supporters)).map((r) => r.e).sort();
    expect(emails).toEqual(['jo@example.org', 'maria@example.org']);
  });

  it('returns exact counts from an incremental base, and falls back to a full count', async () => {
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push((await signPetition({ input: input({ email: `c${i}@example.org` }) })).count);
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(getCountBase(SLUG)).toMatchObject({ campaignId });
    // Rows older than the second of margin go into the base; nothing is counted twice. (Back-dating
    // rows under an existing base would hide them until the next full recount: start afresh.)
    const { db } = await getTestDb();
    await db.execute(sql`update signatures set created_at = created_at - interval '10 seconds'`);
    forgetCountBases();
    expect((await signPetition({ input: input({ email: 'c5@example.org' }) })).count).toBe(5);
    expect((await signPetition({ input: input({ email: 'c6@example.org' }) })).count).toBe(6);
    const base = getCountBase(SLUG)!;
    expect(base.count).toBe(4); // the four back-dated rows; the two new ones are still "recent"
    // A base for another campaign id (say the database was rebuilt under the same slug): full count.
    rememberCountBase(SLUG, { campaignId: crypto.randomUUID(), count: 999, at: new Date().toISOString() }, true);
    expect((await signPetition({ input: input({ email: 'c7@example.org' }) })).count).toBe(7);
    expect(await getSignatureCount(campaignId)).toBe(7);
  });

  it('leaves nothing behind when the statement fails part-way', async () => {
    const { db } = await getTestDb();
    // Make the last write (the outbox row) fail, after the supporter, signature and tokens.
    await db.execute(sql.raw(`create or replace function test_refuse_outbox() returns trigger language plpgsql as $$
      begin raise exception 'outbox refused by test'; end $$`));
    await db.execute(sql.raw(
      'create trigger test_refuse_outbox before insert on email_outbox for each row execute function test_refuse_outbox()',
    ));
    try {
      await expect(signPetition({ input: input() })).rejects.toThrow();
      expect(await tableCounts()).toEqual({ supporters: 0, signatures: 0, tokens: 0, outbox: 0 });
    } finally {
      await db.execute(sql.raw('drop trigger test_refuse_outbox on email_outbox'));
      await db.execute(sql.raw('drop function test_refuse_outbox()'));
    }
  });

  it('queues the same email enqueueEmail would: props valid for the template, the configured attempts', async () => {
    await signPetition({ input: input({ firstName: '🦄'.repeat(80) }) });
    const { db } = await getTestDb();
    const [mail] = await db.select().from(emailOutbox);
    // Links are stored sealed (path + sealed token); opened, the props are what the template takes.
    expect(mail.props.confirmUrl).toEqual({ path: '/confirm/signature/{token}', sealed: expect.stringMatching(/^v1\./) });
    expect(mail.props.unsubscribeUrl).toEqual({ path: '/unsubscribe/{token}', sealed: expect.stringMatching(/^v1\./) });
    const props = SignatureConfirmationProps.parse(await liveProps(mail));
    expect(props).toMatchObject({ campaignTitle: expect.stringMatching(/sale of children/), coalitionName: "Children's Protocol Coalition" });
    expect(props.firstName).toBe(''); // 160 UTF-16 units is over the template's limit: the mail says "Hi there"
    expect(mail).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: env().OUTBOX_MAX_ATTEMPTS });
  });

  it('refuses draft, closed, archived and unknown campaigns without creating a supporter', async () => {
    const { db } = await getTestDb();
    await db.update(campaigns).set({ status: 'draft' }).where(eq(campaigns.id, campaignId));
    expect((await rejection(signPetition({ input: input() }))).code).toBe('NOT_FOUND');
    await db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, campaignId));
    const closed = await rejection(signPetition({ input: input() }));
    expect(closed.code).toBe('CONFLICT');
    expect(closed.message).toMatch(/closed/);
    await db.update(campaigns).set({ status: 'live', archivedAt: new Date() }).where(eq(campaigns.id, campaignId));
    expect((await rejection(signPetition({ input: input() }))).code).toBe('NOT_FOUND');
    expect((await rejection(signPetition({ input: input({ campaignSlug: 'no-such-campaign' }) }))).code).toBe('NOT_FOUND');
    expect(await tableCounts()).toEqual({ supporters: 0, signatures: 0, tokens: 0, outbox: 0 });
  });

  it('approves comments straight away only when moderation is off', async () => {
    const { db } = await getTestDb();
    await db.update(campaigns).set({ commentModeration: false }).where(eq(campaigns.id, campaignId));
    await signPetition({ input: input({ comment: 'Line one\r\nLine two' }) });
    const [sig] = await db.select().from(signatures);
    expect(sig.commentStatus).toBe('approved');
    expect(sig.comment).toBe('Line one\nLine two');
  });
});

describe('signPetition with hostile input', () => {
  const fieldErrors = async (over: Partial<SignPetitionInput>) => {
    const e = await rejection(signPetition({ input: input(over) }));
    expect(e.code).toBe('VALIDATION');
    return e.fieldErrors ?? {};
  };

  it('stores markup as inert text, exactly as typed', async () => {
    const script = '<script>alert(1)</script>';
    await signPetition({ input: input({ firstName: script, lastName: '<img src=x onerror=alert(1)>', comment: `${script} & "quotes"` }) });
    const { db } = await getTestDb();
    const [s] = await db.select().from(supporters);
    expect(s.firstName).toBe(script);
    const [sig] = await db.select().from(signatures);
    expect(sig.comment).toBe(`${script} & "quotes"`);
  });

  it('accepts emoji and non-Latin names', async () => {
    for (const [i, [first, last]] of [
      ['李', '小龙'],
      ['Zoë 🌍', 'Ñúñez'],
      ['محمد', 'العلي'],
      ['Владимир', 'Иванов'],
      ['🦄'.repeat(80), 'Emoji'],
    ].entries()) {
      const res = await signPetition({ input: input({ firstName: first, lastName: last, email: `n${i}@example.org` }) });
      expect(res.status).toBe('signed');
    }
    const { db } = await getTestDb();
    expect((await db.select({ f: supporters.firstName }).from(supporters)).map((r) => r.f)).toContain('محمد');
  });

  it('answers 10,000-character fields with field messages', async () => {
    const huge = 'x'.repeat(10_000);
    const errors = await fieldErrors({ firstName: huge, lastName: huge, email: `${huge}@example.org`, zip: huge, comment: huge });
    expect(Object.keys(errors).sort()).toEqual(['comment', 'email', 'firstName', 'lastName', 'zip']);
    expect(errors.firstName[0]).toMatch(/at most 80 characters/);
    expect(errors.comment[0]).toMatch(/at most 1,000 characters/);
  });

  it('refuses line breaks and control characters in names', async () => {
    expect((await fieldErrors({ firstName: 'Maria\r\nBcc: x@evil.test' })).firstName[0]).toMatch(/line breaks/);
    expect((await fieldErrors({ lastName: 'Lo\u0000pez' })).lastName[0]).toMatch(/control characters/);
  });

  it('refuses a blank name, a bad email and an unknown ZIP', async () => {
    const errors = await fieldErrors({ firstName: '   ', email: 'not-an-email' });
    expect(errors.firstName[0]).toMatch(/Enter your first name/);
    expect(errors.email[0]).toMatch(/email address/);
    expect((await fieldErrors({ zip: '00000' })).zip[0]).toMatch(/couldn't find ZIP code 00000/);
    expect(await tableCounts()).toMatchObject({ supporters: 0, signatures: 0 });
  });

  it('drops a malformed source rather than storing it', async () => {
    await signPetition({ input: input({ source: '<script>' }) });
    const { db } = await getTestDb();
    const [sig] = await db.select().from(signatures);
    expect(sig.source).toBeNull();
  });
});

describe('recent signers', () => {
  it('shows only confirmed signers, as the visibility setting allows, and only approved comments', async () => {
    const { db } = await getTestDb();
    await db.update(campaigns).set({ signerVisibility: 'full_name_state' }).where(eq(campaigns.id, campaignId));
    await signPetition({ input: input({ comment: 'Pending words' }) });
    await signPetition({ input: input({ email: 'jo@example.org', firstName: 'Jo', lastName: 'Kim', comment: 'Approved words' }) });
    expect(await listRecentSigners(campaignId, 'first_name_state')).toEqual([]); // nobody confirmed yet
    await db.update(signatures).set({ verifiedAt: new Date() });
    await db.update(signatures).set({ commentStatus: 'approved' }).where(eq(signatures.comment, 'Approved words'));
    expect(await listRecentSigners(campaignId, 'hidden')).toEqual([]);
    const firstNames = await listRecentSigners(campaignId, 'first_name_state');
    expect(firstNames.map((s) => s.name).sort()).toEqual(['Jo', 'Maria']);
    expect(firstNames.map((s) => s.comment).filter(Boolean)).toEqual(['Approved words']);
    const full = await listRecentSigners(campaignId, 'full_name_state');
    expect(full.map((s) => s.name).sort()).toEqual(['Jo Kim', 'Maria Lopez']);
    expect(full.every((s) => s.state === 'DC')).toBe(true);
  });

  it('shows each signature as its own record and never more than the signer agreed to', async () => {
    const { db } = await getTestDb();
    const setVisibility = (v: 'hidden' | 'first_name_state' | 'full_name_state') =>
      db.update(campaigns).set({ signerVisibility: v }).where(eq(campaigns.id, campaignId));
    await setVisibility('hidden');
    await signPetition({ input: input({ email: 'quiet@example.org', firstName: 'Quiet', lastName: 'One' }) });
    await setVisibility('first_name_state');
    await signPetition({ input: input({ email: 'first@example.org', firstName: 'Fran', lastName: 'Second' }) });
    await setVisibility('full_name_state');
    await signPetition({ input: input({ email: 'full@example.org', firstName: 'Fully', lastName: 'Public' }) });
    await db.update(signatures).set({ verifiedAt: new Date() });
    // A stranger signs again with Fully's address and another name: nothing changes for that signature.
    expect((await signPetition({ input: input({ email: 'full@example.org', firstName: 'Mallory', lastName: 'Imposter' }) })).status).toBe('already_signed');

    const names = (await listRecentSigners(campaignId, 'full_name_state')).map((s) => s.name).sort();
    // Signed while hidden: never shown. Signed under first names: first name only.
    expect(names).toEqual(['Fran', 'Fully Public']);
    expect((await listRecentSigners(campaignId, 'first_name_state')).map((s) => s.name).sort()).toEqual(['Fran', 'Fully']);
  });
});
