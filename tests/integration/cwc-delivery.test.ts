// Confirmed letters to Senate offices go through the outbox as CWC messages, and the (fake) Senate's
// answers land in the letters ledger: accepted → sent, refused → failed with its reasons (and the
// writer told), outages → retried with backoff. Routing falls back office by office.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { campaigns, emailOutbox, letters, organisations, senators, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { drainOutbox } from '@/lib/email/drain';
import { enqueueDelivery } from '@/lib/email/enqueue';
import { createLocalTransport } from '@/lib/email/transports';
import { resetEnvCache } from '@/lib/env';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { registerCwcOutboxHook } from '@/lib/letters/cwc/cwc-outbox-hook';
import { CWC_OUTBOX_TEMPLATE } from '@/lib/letters/cwc/enqueue-cwc-letter';
import { buildLetterDraft, type LetterDraft } from '@/lib/letters/letter-draft';
import { listLetters } from '@/lib/letters/list-letters';
import { routeLetter } from '@/lib/letters/route-letter';
import type { SendLettersInput } from '@/lib/letters/schemas';
import { sendLetters } from '@/lib/letters/send-letters';
import { importSenators } from '@/lib/senators/import-senators';
import { validateCwcXml } from '../support/cwc-schema';
import { startFakeSoapbox, type FakeSoapbox } from '../support/fake-soapbox';
import { liveLink } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
const IL_ZIP = '62701';
const DURBIN = 'D000563'; // class 2 → SIL02
const DUCKWORTH = 'D000622'; // class 3 → SIL03
const EMAIL = 'ada@example.org';

let fake: FakeSoapbox;
let draft: LetterDraft;
let campaignId: string;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeSoapbox();
  Object.assign(process.env, {
    CWC_API_KEY: fake.apiKey,
    CWC_BASE_URL: fake.url,
    CWC_DELIVERY_AGENT: 'Ratify Test Coalition',
    CWC_DELIVERY_AGENT_EMAIL: 'cwc-acks@coalition.example.org',
    CWC_DELIVERY_AGENT_CONTACT_NAME: 'Dana Whitfield',
    CWC_DELIVERY_AGENT_CONTACT_EMAIL: 'tech@coalition.example.org',
    CWC_DELIVERY_AGENT_CONTACT_PHONE: '202-555-0143',
  });
  resetEnvCache();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvCache();
  await fake.close();
});

beforeEach(async () => {
  const { db } = await getTestDb();
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  campaignId = seeded.campaignId;
  await importSenators({ source: ROSTER_DIR, db });
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  draft = buildLetterDraft({ subjectTemplate: c.letterSubjectTemplate, bodyTemplate: c.letterBodyTemplate, treatyName: 'Optional Protocol', treatyShortName: 'OPSC' });
  fake.setInactiveOffices([]);
});

const input = (over: Partial<SendLettersInput> = {}): SendLettersInput => ({
  campaignSlug: SLUG,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: EMAIL,
  zip: IL_ZIP,
  prefix: 'Dr.',
  street: '1 Old State Capitol Plaza',
  city: 'Springfield',
  subject: draft.subject,
  body: draft.body,
  ...over,
});

async function writeAndConfirm(over: Partial<SendLettersInput> = {}, requireStreet = true) {
  await sendLetters({ input: input(over), requireStreet });
  const [mail] = (await outboxFor(over.email ?? EMAIL, 'letters-confirmation')).sort((a, b) => +b.createdAt - +a.createdAt);
  const token = (await liveLink(mail, 'confirmUrl')).split('/').pop()!;
  return confirmLetters({ input: { token } });
}

async function letterTo(senatorId: string) {
  const { db } = await getTestDb();
  const [row] = await db.select().from(letters).where(eq(letters.senatorId, senatorId));
  return row;
}
const rowOf = async (id: string | null) => (await (await getTestDb()).db.select().from(emailOutbox).where(eq(emailOutbox.id, id!)))[0];
const drain = () => drainOutbox({ transport: createLocalTransport(), backoffBaseMs: 1000 });

describe('CWC delivery through the outbox', () => {
  it('queues one valid CWC message per letter, which the Senate accepts; the ledger says sent', async () => {
    const res = await writeAndConfirm();
    expect(res.letters.map((l) => [l.senatorId, l.status, l.channel]).sort()).toEqual([
      [DURBIN, 'queued', 'cwc'],
      [DUCKWORTH, 'queued', 'cwc'],
    ]);
    const durbin = await letterTo(DURBIN);
    expect(durbin).toMatchObject({ channel: 'cwc', deliveredTo: 'SIL02', status: 'queued' });
    const row = await rowOf(durbin.outboxId);
    expect(row).toMatchObject({ template: CWC_OUTBOX_TEMPLATE, toAddress: 'SIL02', idempotencyKey: `cwc:${durbin.id.replace(/-/g, '')}`, status: 'queued' });
    expect(validateCwcXml((row.props as { xml: string }).xml)).toEqual([]);

    // The receipt is honest: queued, not sent.
    const [receipt] = await outboxFor(EMAIL, 'letter-receipt');
    expect((receipt.props.letters as { channel: string }[]).map((l) => l.channel)).toEqual(['cwc', 'cwc']);

    const held = fake.accepted().length;
    const result = await drain();
    expect(result).toMatchObject({ sent: expect.any(Number), failed: 0, retried: 0 });
    expect(fake.accepted().length - held).toBe(2);
    expect(await letterTo(DURBIN)).toMatchObject({ status: 'sent', failureReason: null });
    expect(await letterTo(DUCKWORTH)).toMatchObject({ status: 'sent' });
    expect(await rowOf(durbin.outboxId)).toMatchObject({ status: 'sent', transport: 'cwc', providerMessageId: durbin.id.replace(/-/g, '') });

    // The ledger names the office each letter was filed with and when the Senate took it.
    const ledger = await listLetters({ actor: await makeStaff('analyst'), input: {} });
    const shown = ledger.rows.map((r) => [r.senatorName, r.channel, r.officeCode, r.status, r.deliveredAt instanceof Date]).sort();
    expect(shown).toEqual([
      ['Richard J. Durbin', 'cwc', 'SIL02', 'sent', true],
      ['Tammy Duckworth', 'cwc', 'SIL03', 'sent', true],
    ]);
  });

  it('records a refusal with the service’s reason, never retries it, and tells the writer', async () => {
    fake.setInactiveOffices(['SIL03']);
    await writeAndConfirm();
    await drain();
    const duck = await letterTo(DUCKWORTH);
    expect(duck.status).toBe('failed');
    expect(duck.failureReason).toContain('Office SIL03 does not accept messages through CWC');
    expect(await rowOf(duck.outboxId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await letterTo(DURBIN)).toMatchObject({ status: 'sent' });
    const ledger = await listLetters({ actor: await makeStaff('analyst'), input: { status: 'failed' } });
    expect(ledger.rows.map((r) => [r.officeCode, r.deliveredAt, r.failureReason])).toEqual([['SIL03', null, duck.failureReason]]);
    const told = await outboxFor(EMAIL, 'letter-delivery-failed');
    expect(told).toHaveLength(1);
    expect(told[0].props).toMatchObject({ senatorName: 'Senator Tammy Duckworth' });
    expect(told[0].idempotencyKey).toBe(`letter-failed:${duck.id}`);
  });

  it('keeps a refusal final when the hook comes from another copy of the modules than the drainer', async () => {
    // As in the built app: Next bundles server code into chunks with their own module instances, so
    // the hook registered at boot and a drain kicked from a server action (confirming letters) hold
    // different copies of EmailSendError. The refusal was once retried as if it were an outage.
    vi.resetModules();
    const other = await import('@/lib/letters/cwc/cwc-outbox-hook');
    other.registerCwcOutboxHook();
    try {
      fake.setInactiveOffices(['SIL03']);
      await writeAndConfirm();
      const asked = fake.requests.length;
      await drain();
      const duck = await letterTo(DUCKWORTH);
      expect(duck).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('Office SIL03 does not accept messages through CWC') });
      expect(await rowOf(duck.outboxId)).toMatchObject({ status: 'failed', attempts: 1 });
      expect(fake.requests.length - asked).toBe(2);
    } finally {
      registerCwcOutboxHook();
    }
  });

  it('retries an outage no sooner than Retry-After, then delivers once', async () => {
    await writeAndConfirm();
    fake.failNext(2, 503, { retryAfter: '120' });
    const held = fake.accepted().length;
    const first = await drain();
    expect(first.retried).toBe(2);
    const durbin = await letterTo(DURBIN);
    expect(durbin.status).toBe('queued');
    const row = await rowOf(durbin.outboxId);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('SOAPBox is unavailable (HTTP 503)');
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(100_000);
    // The ledger shows the retry and why.
    const ledger = await listLetters({ actor: await makeStaff('analyst'), input: {} });
    expect(ledger.rows.find((r) => r.id === durbin.id)?.retry).toEqual({ attempts: 1, lastError: expect.stringContaining('SOAPBox is unavailable') });

    // Nothing is due yet; once it is, the retry goes through.
    expect((await drain()).claimed).toBe(0);
    const { db } = await getTestDb();
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.template, CWC_OUTBOX_TEMPLATE));
    expect(await drain()).toMatchObject({ sent: 2, retried: 0 });
    expect(fake.accepted().length - held).toBe(2);
    expect(await letterTo(DURBIN)).toMatchObject({ status: 'sent' });
    expect(await rowOf(durbin.outboxId)).toMatchObject({ attempts: 2, status: 'sent' });
  });

  it('is idempotent per letter: the same message cannot be queued twice', async () => {
    await writeAndConfirm();
    const durbin = await letterTo(DURBIN);
    const { db } = await getTestDb();
    const again = await db.transaction((tx) =>
      enqueueDelivery(tx, { template: CWC_OUTBOX_TEMPLATE, to: 'SIL02', props: { letterId: durbin.id }, idempotencyKey: `cwc:${durbin.id.replace(/-/g, '')}` }),
    );
    expect(again).toBeNull();
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.template, CWC_OUTBOX_TEMPLATE))).length).toBe(2);
  });

  it('routes office by office: CWC turned off → the office address; no address → the coalition inbox; a letter CWC cannot carry → the next route', async () => {
    const { db } = await getTestDb();
    await db.update(senators).set({ cwcEnabled: false, deliveryEmail: 'mail@durbin.senate.example' }).where(eq(senators.bioguideId, DURBIN));
    await writeAndConfirm();
    expect(await letterTo(DURBIN)).toMatchObject({ channel: 'office_email', deliveredTo: 'mail@durbin.senate.example', status: 'queued' });
    expect(await letterTo(DUCKWORTH)).toMatchObject({ channel: 'cwc', deliveredTo: 'SIL03' });

    // Written before the channel asked for a street: no CWC message possible, so the next route.
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    await db.update(organisations).set({ deliveryInboxEmail: 'inbox@coalition.example.org' }).where(eq(organisations.id, c.organisationId));
    await writeAndConfirm({ email: 'bo@example.org', street: undefined, prefix: undefined }, false);
    const [bo] = await db.select().from(supporters).where(eq(supporters.email, 'bo@example.org'));
    const bos = await db.select().from(letters).where(eq(letters.supporterId, bo.id));
    expect(bos.map((l) => [l.senatorId, l.channel, l.deliveredTo]).sort()).toEqual([
      [DURBIN, 'office_email', 'mail@durbin.senate.example'],
      [DUCKWORTH, 'coalition_inbox', 'inbox@coalition.example.org'],
    ]);
  });
});

describe('routeLetter', () => {
  const senator = { state: 'IL', senateClass: 2, cwcOfficeCode: null, cwcEnabled: true, deliveryEmail: 'a@senate.example' };
  it('prefers CWC, then the office address, the coalition inbox, the writer', () => {
    expect(routeLetter({ cwcOn: true, mode: 'office', senator, inbox: 'i@c.example' })).toMatchObject({ channel: 'cwc', officeCode: 'SIL02', codeSource: 'roster' });
    expect(routeLetter({ cwcOn: true, mode: 'office', senator: { ...senator, cwcOfficeCode: 'SIL03' }, inbox: null })).toMatchObject({ officeCode: 'SIL03', codeSource: 'override' });
    expect(routeLetter({ cwcOn: false, mode: 'office', senator, inbox: 'i@c.example' })).toEqual({ channel: 'office_email', to: 'a@senate.example' });
    expect(routeLetter({ cwcOn: true, mode: 'office', senator: { ...senator, cwcEnabled: false, deliveryEmail: null }, inbox: 'i@c.example' })).toEqual({ channel: 'coalition_inbox', to: 'i@c.example' });
    expect(routeLetter({ cwcOn: true, mode: 'office', senator: { ...senator, cwcEnabled: false, deliveryEmail: null }, inbox: null })).toEqual({ channel: 'supporter', to: null });
    expect(routeLetter({ cwcOn: true, mode: 'coalition_inbox', senator, inbox: 'i@c.example' })).toEqual({ channel: 'coalition_inbox', to: 'i@c.example' });
    expect(routeLetter({ cwcOn: true, mode: 'supporter', senator, inbox: 'i@c.example' })).toEqual({ channel: 'supporter', to: null });
  });
});
