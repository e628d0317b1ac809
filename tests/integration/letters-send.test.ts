// Letters: write, confirm, deliver, refuse repeats — through the services, on a real database.
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionTokens, campaigns, emailOutbox, letters, organisations, senators, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { AppError } from '@/lib/errors';
import { drainOutbox } from '@/lib/email/drain';
import { createLocalTransport } from '@/lib/email/transports';
import { confirmLetters, getLettersConfirmation } from '@/lib/letters/confirm-letters';
import { buildLetterDraft, type LetterDraft } from '@/lib/letters/letter-draft';
import { sendLetters } from '@/lib/letters/send-letters';
import type { SendLettersInput } from '@/lib/letters/schemas';
import { importSenators } from '@/lib/senators/import-senators';
import { getTestDb } from '../support/test-db';
import { liveLink, liveProps } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { ROSTER_DIR } from '../support/roster';

const SLUG = 'protect-children-protocol';
/** Springfield, Illinois: Senators Durbin (senior) and Duckworth (junior, on Foreign Relations). */
const IL_ZIP = '62701';
const DURBIN = 'D000563';
const DUCKWORTH = 'D000622';
const DURBIN_OFFICE = 'correspondence@durbin.senate.example';

async function setUpLetters() {
  const { db } = await getTestDb();
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  await importSenators({ source: ROSTER_DIR, db });
  // Staff have set an office address for one senator only.
  await db.update(senators).set({ deliveryEmail: DURBIN_OFFICE }).where(eq(senators.bioguideId, DURBIN));
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, seeded.campaignId));
  const draft = buildLetterDraft({
    subjectTemplate: c.letterSubjectTemplate,
    bodyTemplate: c.letterBodyTemplate,
    treatyName: 'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
    treatyShortName: 'Optional Protocol on the Sale of Children',
  });
  return { db, campaignId: seeded.campaignId, organisationId: seeded.organisationId, draft };
}

function letterInput(draft: { subject: string; body: string }, over: Partial<SendLettersInput> = {}): SendLettersInput {
  return {
    campaignSlug: SLUG,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.org',
    zip: IL_ZIP,
    city: 'Springfield',
    subject: draft.subject,
    body: draft.body,
    ...over,
  };
}

async function confirmTokenFor(email: string): Promise<string> {
  const mails = await outboxFor(email, 'letters-confirmation');
  expect(mails.length).toBeGreaterThan(0);
  const latest = mails.sort((a, b) => +b.createdAt - +a.createdAt)[0];
  return (await liveLink(latest, 'confirmUrl')).split('/').pop()!;
}

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

let ctx: Awaited<ReturnType<typeof setUpLetters>>;
let draft: LetterDraft;

beforeEach(async () => {
  ctx = await setUpLetters();
  draft = ctx.draft;
});

const lettersOf = async (email = 'ada@example.org') => {
  const [sup] = await ctx.db.select({ id: supporters.id }).from(supporters).where(eq(supporters.email, email));
  if (!sup) return [];
  return ctx.db.select().from(letters).where(eq(letters.supporterId, sup.id)).orderBy(letters.senatorId);
};
const outboxCount = async () => Number((await ctx.db.select({ n: count() }).from(emailOutbox))[0].n);

describe('sendLetters, first time for an email', () => {
  it('holds one letter per senator until the email is confirmed, and mails only the confirmation', async () => {
    const res = await sendLetters({ input: letterInput(draft) });
    expect(res).toEqual({
      kind: 'confirm_email',
      email: 'ada@example.org',
      senatorNames: ['Senator Richard J. Durbin', 'Senator Tammy Duckworth'],
    });
    const rows = await lettersOf();
    expect(rows.map((l) => [l.senatorId, l.status, l.channel, l.edited])).toEqual([
      [DURBIN, 'pending_confirmation', null, false],
      [DUCKWORTH, 'pending_confirmation', null, false],
    ]);
    const durbin = rows[0];
    expect(durbin.subject).toBe('Please support ratification of the Optional Protocol on the Sale of Children');
    expect(durbin.body).toMatch(/^Dear Senator Durbin,\n\nAs your constituent in Springfield, IL, I am writing/);
    expect(durbin.body).toMatch(/Sincerely,\nAda Lovelace\nSpringfield, IL$/);
    expect(rows[1].body).toMatch(/^Dear Senator Duckworth,/);

    const mail = await outboxFor('ada@example.org');
    expect(mail.map((m) => m.template)).toEqual(['letters-confirmation']);
    expect(await liveProps(mail[0])).toMatchObject({
      firstName: 'Ada',
      senators: [{ name: 'Senator Richard J. Durbin' }, { name: 'Senator Tammy Duckworth' }],
      confirmUrl: expect.stringMatching(/\/confirm\/letters\/[A-Za-z0-9_-]{43}$/),
    });
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
    expect(await outboxCount()).toBe(1);
    const [sup] = await ctx.db.select().from(supporters);
    expect(sup).toMatchObject({ state: 'IL', zip: IL_ZIP, city: 'Springfield', emailVerifiedAt: null });
  });

  it('records an edited letter, the personal sentence and the street address', async () => {
    await sendLetters({
      input: letterInput(draft, {
        body: `${draft.body}\n\nP.S. This matters to my family.`,
        personalSentence: 'I volunteer at a\r\nshelter.',
        street: '1 Main St',
        zip: '62701-1234',
      }),
    });
    const [durbin] = await lettersOf();
    expect(durbin.edited).toBe(true);
    expect(durbin.body).toMatch(/^Dear Senator Durbin,\n\nI volunteer at a shelter\.\n\nAs your constituent/);
    expect(durbin.body).toMatch(/P\.S\. This matters to my family\.\n\nMy address: 1 Main St, Springfield, IL 62701-1234$/);
  });

  it('keeps hostile text as inert plain text', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    await sendLetters({ input: letterInput(draft, { body: `${evil}\n{{senator_name}} {{unknown}}`, firstName: '<b>Ada</b>' }) });
    const [durbin] = await lettersOf();
    expect(durbin.body).toContain(evil);
    expect(durbin.body).toContain('Richard J. Durbin {{unknown}}');
    expect(durbin.edited).toBe(true);
  });
});

describe('confirmLetters', () => {
  it('verifies the email, emails the office with an address on file, leaves the other to the supporter and sends a receipt', async () => {
    await sendLetters({ input: letterInput(draft) });
    const token = await confirmTokenFor('ada@example.org');
    // The page shows each letter in full, and to whom, before the click.
    const preview = await getLettersConfirmation({ input: { token } });
    const stored = await lettersOf();
    expect(preview).toEqual({
      campaign: { slug: SLUG, title: expect.any(String) },
      letters: [
        { senatorName: 'Senator Richard J. Durbin', subject: stored[0].subject, body: stored[0].body },
        { senatorName: 'Senator Tammy Duckworth', subject: stored[1].subject, body: stored[1].body },
      ],
    });

    const res = await confirmLetters({ input: { token } });
    expect(res.campaign.slug).toBe(SLUG);
    expect(res.email).toBe('ada@example.org');
    const byName = Object.fromEntries(res.letters.map((l) => [l.senatorId, l]));
    expect(byName[DURBIN]).toMatchObject({ status: 'queued', channel: 'office_email', senatorName: 'Senator Richard J. Durbin' });
    expect(byName[DURBIN].selfSend).toBeUndefined();
    expect(byName[DUCKWORTH]).toMatchObject({ status: 'self_send', channel: 'supporter' });
    expect(byName[DUCKWORTH].selfSend).toMatchObject({
      mailto: expect.stringMatching(/^mailto:\?subject=/),
      gmail: expect.stringMatching(/^https:\/\/mail\.google\.com\/mail\/\?view=cm/),
      outlook: expect.stringMatching(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?/),
      contactForm: 'https://www.duckworth.senate.gov/content/contact-senator',
    });
    // The DTO never carries the staff-set address.
    expect(JSON.stringify(res)).not.toContain(DURBIN_OFFICE);

    const rows = await lettersOf();
    const durbin = rows.find((l) => l.senatorId === DURBIN)!;
    expect(durbin).toMatchObject({ status: 'queued', channel: 'office_email', deliveredTo: DURBIN_OFFICE });
    expect(durbin.confirmedAt).toBeInstanceOf(Date);
    const office = await outboxFor(DURBIN_OFFICE);
    expect(office).toHaveLength(1);
    expect(office[0]).toMatchObject({
      id: durbin.outboxId,
      template: 'letter-to-senator',
      idempotencyKey: `letter:${durbin.id}`,
    });
    expect(office[0].props).toMatchObject({
      letterId: durbin.id,
      subject: durbin.subject,
      body: durbin.body,
      supporterEmail: 'ada@example.org',
      supporterName: 'Ada Lovelace',
      supporterState: 'IL',
      supporterCity: 'Springfield',
    });
    expect(rows.find((l) => l.senatorId === DUCKWORTH)).toMatchObject({ status: 'self_send', channel: 'supporter', deliveredTo: null });

    const [receipt] = await outboxFor('ada@example.org', 'letter-receipt');
    expect(receipt.idempotencyKey).toMatch(new RegExp(`^letter-receipt:${ctx.campaignId}:[0-9a-f-]{36}:[0-9a-f]{20}$`));
    const receiptLetters = receipt.props.letters as { senatorName: string; channel: string; deliveredTo: string | null; body: string; selfSend?: unknown }[];
    expect(receiptLetters.map((l) => [l.senatorName, l.channel, l.deliveredTo])).toEqual([
      ['Senator Richard J. Durbin', 'office_email', null],
      ['Senator Tammy Duckworth', 'supporter', null],
    ]);
    expect(receiptLetters[0].body).toBe(durbin.body);
    expect(receiptLetters[1].selfSend).toBeTruthy();
    expect(JSON.stringify(receipt.props)).not.toContain(DURBIN_OFFICE);
    expect(await liveLink(receipt, 'unsubscribeUrl')).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{43}$/);

    const [sup] = await ctx.db.select().from(supporters);
    expect(sup.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('the drainer marks the office letter sent', async () => {
    await sendLetters({ input: letterInput(draft) });
    await confirmLetters({ input: { token: await confirmTokenFor('ada@example.org') } });
    await drainOutbox({ transport: createLocalTransport(), limit: 20 });
    const durbin = (await lettersOf()).find((l) => l.senatorId === DURBIN)!;
    expect(durbin.status).toBe('sent');
    expect(durbin.sentAt).toBeInstanceOf(Date);
  });

  it('works once: a second use, an unknown token and an expired token are refused', async () => {
    await sendLetters({ input: letterInput(draft) });
    const token = await confirmTokenFor('ada@example.org');
    await confirmLetters({ input: { token } });
    const before = await outboxCount();
    expect((await appErrorOf(confirmLetters({ input: { token } }))).code).toBe('TOKEN_USED');
    expect((await appErrorOf(getLettersConfirmation({ input: { token } }))).code).toBe('TOKEN_USED');
    expect((await appErrorOf(confirmLetters({ input: { token: 'A'.repeat(43) } }))).code).toBe('NOT_FOUND');
    expect((await appErrorOf(confirmLetters({ input: { token: "' or 1=1 --" } }))).code).toBe('NOT_FOUND');
    expect(await outboxCount()).toBe(before);

    await sendLetters({ input: letterInput(draft, { email: 'late@example.org' }) });
    const late = await confirmTokenFor('late@example.org');
    await ctx.db.update(actionTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(actionTokens.purpose, 'confirm_letters'));
    const expired = await appErrorOf(confirmLetters({ input: { token: late } }));
    expect(expired.code).toBe('TOKEN_EXPIRED');
    expect(expired.message).toMatch(/expired/);
    expect((await lettersOf('late@example.org')).map((l) => l.status)).toEqual(['pending_confirmation', 'pending_confirmation']);
  });
});

describe('who may send: only the owner of the address (issue: a supporter\'s voice is theirs alone)', () => {
  const verified = () => ctx.db.insert(supporters).values({ email: 'ada@example.org', firstName: 'Ada', lastName: 'L', emailVerifiedAt: new Date() });
  const writer = (email = 'ada@example.org', issuedAt = new Date()) => ({ email, issuedAt });

  it('holds a batch for a verified address typed by a browser without the confirmed-writer cookie, answering exactly as for anyone', async () => {
    await verified();
    const stranger = await sendLetters({ input: letterInput(draft, { firstName: 'Mallory', body: `${draft.body}\nNot Ada's words.` }) });
    const fresh = await sendLetters({ input: letterInput(draft, { email: 'new@example.org' }) });
    // The answer never reveals whether an address is verified (or has written before).
    expect(stranger).toEqual({ ...fresh, email: 'ada@example.org' });
    expect(stranger.kind).toBe('confirm_email');
    expect((await lettersOf()).map((l) => l.status)).toEqual(['pending_confirmation', 'pending_confirmation']);
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
    expect(await outboxFor('ada@example.org', 'letter-receipt')).toEqual([]);
    expect(await outboxFor('ada@example.org', 'letters-confirmation')).toHaveLength(1);
  });

  it('sends at once for the browser that holds the confirmed-writer cookie of that very address', async () => {
    await verified();
    const res = await sendLetters({ input: letterInput(draft), writer: writer() });
    expect(res.kind).toBe('delivered');
    if (res.kind !== 'delivered') return;
    expect(res.letters.map((l) => [l.senatorId, l.status, l.channel])).toEqual([
      [DURBIN, 'queued', 'office_email'],
      [DUCKWORTH, 'self_send', 'supporter'],
    ]);
    expect(await outboxFor('ada@example.org', 'letters-confirmation')).toEqual([]);
    expect(await outboxFor('ada@example.org', 'letter-receipt')).toHaveLength(1);
    expect(await outboxFor(DURBIN_OFFICE, 'letter-to-senator')).toHaveLength(1);
  });

  it('ignores a cookie for another address, one issued before an unsubscribe, and one for an unverified address', async () => {
    await verified();
    expect((await sendLetters({ input: letterInput(draft), writer: writer('someone@example.org') })).kind).toBe('confirm_email');
    await ctx.db.update(supporters).set({ writerTrustRevokedAt: new Date(Date.now() + 1000) });
    expect((await sendLetters({ input: letterInput(draft), writer: writer() })).kind).toBe('confirm_email');
    expect((await sendLetters({ input: letterInput(draft, { email: 'unverified@example.org' }), writer: writer('unverified@example.org') })).kind).toBe('confirm_email');
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
  });

  it('one confirmation sends exactly its own batch, never letters someone else submitted with the same address', async () => {
    await sendLetters({ input: letterInput(draft) });
    const ada = await confirmTokenFor('ada@example.org');
    // A stranger submits for the same address, with other words and another state: a batch of its own.
    await sendLetters({ input: letterInput(draft, { zip: '10001', city: 'New York', firstName: 'Mallory', body: 'Mallory wrote this.' }) });
    const mallory = await confirmTokenFor('ada@example.org');
    expect(mallory).not.toBe(ada);

    const res = await confirmLetters({ input: { token: ada } });
    expect(res.letters.map((l) => l.senatorId).sort()).toEqual([DUCKWORTH, DURBIN].sort());
    const rows = await lettersOf();
    const sentIds = rows.filter((l) => l.status !== 'pending_confirmation').map((l) => l.senatorId).sort();
    expect(sentIds).toEqual([DUCKWORTH, DURBIN].sort());
    // The New York letters still wait for their own link; nothing in them reached an office.
    expect(rows.filter((l) => l.status === 'pending_confirmation').every((l) => l.body.includes('Mallory wrote this.'))).toBe(true);
    const office = await outboxFor(DURBIN_OFFICE, 'letter-to-senator');
    expect(office).toHaveLength(1);
    expect(String(office[0].props.body)).not.toContain('Mallory');
  });

  it('a newer submission replaces letters still waiting: the older link then sends nothing', async () => {
    await sendLetters({ input: letterInput(draft) });
    const first = await confirmTokenFor('ada@example.org');
    await sendLetters({ input: letterInput(draft, { body: `${draft.body}\nSecond thoughts.` }) });
    const second = await confirmTokenFor('ada@example.org');
    expect(second).not.toBe(first);
    expect(await outboxFor('ada@example.org', 'letters-confirmation')).toHaveLength(2);
    expect(await lettersOf()).toHaveLength(2);

    const stale = await confirmLetters({ input: { token: first } });
    expect(stale.letters).toEqual([]);
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
    expect((await getLettersConfirmation({ input: { token: second } })).letters.every((l) => l.body.includes('Second thoughts.'))).toBe(true);
    const res = await confirmLetters({ input: { token: second } });
    expect(res.letters).toHaveLength(2);
    expect(await outboxFor('ada@example.org', 'letter-receipt')).toHaveLength(1);
  });

  it('after letters went, a repeat changes nothing: a stranger is told to check the email, and the owner is told nothing new was sent', async () => {
    await sendLetters({ input: letterInput(draft) });
    await confirmLetters({ input: { token: await confirmTokenFor('ada@example.org') } });
    const before = { letters: await lettersOf(), supporter: await ctx.db.select().from(supporters) };

    const again = await sendLetters({ input: letterInput(draft, { firstName: 'Changed', body: 'Different text', city: 'Chicago' }) });
    expect(again).toEqual({ kind: 'confirm_email', email: 'ada@example.org', senatorNames: ['Senator Richard J. Durbin', 'Senator Tammy Duckworth'] });
    expect(await lettersOf()).toEqual(before.letters);
    expect(await ctx.db.select().from(supporters)).toEqual(before.supporter);
    expect(await outboxFor('ada@example.org', 'letters-already-written')).toHaveLength(1);

    // The owner's own browser (with the cookie) hears it plainly.
    const owner = await sendLetters({ input: letterInput(draft), writer: writer() });
    expect(owner).toEqual({ kind: 'already_written', senatorNames: ['Senator Richard J. Durbin', 'Senator Tammy Duckworth'] });
  });

  it('never rewrites the stored profile on a submission; the confirmed click applies the letters\' own record', async () => {
    await verified();
    await sendLetters({ input: letterInput(draft, { firstName: 'Mallory', lastName: 'X', city: 'Elsewhere' }) });
    const [untouched] = await ctx.db.select().from(supporters);
    expect(untouched).toMatchObject({ firstName: 'Ada', lastName: 'L', city: null });
    const stored = await lettersOf();
    expect(stored[0]).toMatchObject({ firstName: 'Mallory', lastName: 'X', city: 'Elsewhere', state: 'IL', zip: IL_ZIP });
    await confirmLetters({ input: { token: await confirmTokenFor('ada@example.org') } });
    const [after] = await ctx.db.select().from(supporters);
    expect(after).toMatchObject({ firstName: 'Mallory', lastName: 'X', city: 'Elsewhere' });
  });
});

describe('delivery routing', () => {
  it('routes every letter to the coalition inbox when the campaign says so', async () => {
    await ctx.db.update(campaigns).set({ deliveryMode: 'coalition_inbox' }).where(eq(campaigns.id, ctx.campaignId));
    await ctx.db.update(organisations).set({ deliveryInboxEmail: 'letters@coalition.example' }).where(eq(organisations.id, ctx.organisationId));
    await sendLetters({ input: letterInput(draft) });
    const res = await confirmLetters({ input: { token: await confirmTokenFor('ada@example.org') } });
    expect(res.letters.map((l) => [l.status, l.channel])).toEqual([
      ['queued', 'coalition_inbox'],
      ['queued', 'coalition_inbox'],
    ]);
    const inbox = await outboxFor('letters@coalition.example', 'letter-to-senator');
    expect(inbox.map((m) => m.props.senatorName).sort()).toEqual(['Senator Richard J. Durbin', 'Senator Tammy Duckworth']);
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
  });

  it('falls back to the supporter when the coalition has no inbox, or the campaign asks supporters to send', async () => {
    await ctx.db.update(campaigns).set({ deliveryMode: 'coalition_inbox' }).where(eq(campaigns.id, ctx.campaignId));
    await sendLetters({ input: letterInput(draft) });
    const res = await confirmLetters({ input: { token: await confirmTokenFor('ada@example.org') } });
    expect(res.letters.map((l) => [l.status, l.channel])).toEqual([
      ['self_send', 'supporter'],
      ['self_send', 'supporter'],
    ]);

    await ctx.db.update(campaigns).set({ deliveryMode: 'supporter' }).where(eq(campaigns.id, ctx.campaignId));
    await ctx.db.insert(supporters).values({ email: 'v@example.org', emailVerifiedAt: new Date() });
    const direct = await sendLetters({ input: letterInput(draft, { email: 'v@example.org' }), writer: { email: 'v@example.org', issuedAt: new Date() } });
    expect(direct.kind === 'delivered' && direct.letters.map((l) => l.status)).toEqual(['self_send', 'self_send']);
    expect(await outboxFor(DURBIN_OFFICE)).toEqual([]);
  });
});

describe('sendLetters validation', () => {
  const fieldsOf = async (over: Partial<SendLettersInput>) => (await appErrorOf(sendLetters({ input: letterInput(draft, over) }))).fieldErrors;

  it('answers field messages and writes nothing', async () => {
    expect((await fieldsOf({ body: 'x'.repeat(10_000) }))?.body).toEqual(['Your letter can be at most 5,000 characters.']);
    expect((await fieldsOf({ body: '   ' }))?.body?.[0]).toMatch(/Write your letter/);
    expect((await fieldsOf({ firstName: 'Ada\r\nBcc: x@y' }))?.firstName?.[0]).toMatch(/line breaks/);
    expect((await fieldsOf({ subject: 'Hi\r\nBcc: evil@example.org' }))?.subject).toEqual(['The subject must be a single line.']);
    expect((await fieldsOf({ email: 'not-an-email' }))?.email).toBeTruthy();
    expect((await fieldsOf({ zip: '1234' }))?.zip).toBeTruthy();
    expect((await fieldsOf({ zip: '99999' }))?.zip?.[0]).toMatch(/could not find ZIP code 99999/);
    expect((await fieldsOf({ zip: '20001' }))?.zip?.[0]).toMatch(/District of Columbia has no senators/);
    expect((await fieldsOf({ zip: '62701', state: 'OH' }))?.zip?.[0]).toMatch(/not in Ohio/);
    expect((await fieldsOf({ zip: '42223' }))?.zip?.[0]).toMatch(/more than one state/);
    expect(await ctx.db.select().from(letters)).toEqual([]);
    expect(await ctx.db.select().from(supporters)).toEqual([]);
  });

  it('requires the personal sentence when the campaign does', async () => {
    await ctx.db.update(campaigns).set({ requirePersonalSentence: true }).where(eq(campaigns.id, ctx.campaignId));
    expect((await fieldsOf({}))?.personalSentence?.[0]).toMatch(/own words/);
    const ok = await sendLetters({ input: letterInput(draft, { personalSentence: 'I care.' }) });
    expect(ok.kind).toBe('confirm_email');
  });

  it('writes to the state picked for a ZIP that crosses a state line', async () => {
    const res = await sendLetters({ input: letterInput(draft, { zip: '42223', state: 'TN', city: '' }) });
    expect(res.kind === 'confirm_email' && res.senatorNames).toHaveLength(2);
    const rows = await ctx.db.select({ state: senators.state }).from(letters).innerJoin(senators, eq(senators.bioguideId, letters.senatorId));
    expect(rows.map((r) => r.state)).toEqual(['TN', 'TN']);
  });

  it('refuses closed and unknown campaigns', async () => {
    expect((await appErrorOf(sendLetters({ input: letterInput(draft, { campaignSlug: 'nope' }) }))).code).toBe('NOT_FOUND');
    await ctx.db.update(campaigns).set({ status: 'closed' }).where(and(eq(campaigns.id, ctx.campaignId)));
    expect((await appErrorOf(sendLetters({ input: letterInput(draft) }))).code).toBe('CONFLICT');
  });
});
