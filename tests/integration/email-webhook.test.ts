// Resend webhooks (signed with Svix): delivered / delayed / bounced / complained are recorded against
// the outbox row and the letter; hard bounces and complaints suppress the address, and the drainer
// honours suppression and unsubscribes. Every supporter mail carries RFC 8058 headers.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'svix';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as webhook } from '@/app/api/webhooks/resend/route';
import { POST as oneClick } from '@/app/api/unsubscribe/[token]/route';
import { campaigns, emailEvents, emailOutbox, emailSuppressions, letters, senators, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { templates } from '@/emails/registry';
import { drainOutbox } from '@/lib/email/drain';
import { enqueueEmail } from '@/lib/email/enqueue';
import { renderEmail } from '@/lib/email/render';
import { secretLink } from '@/lib/email/secret-links';
import type { EmailTransport, OutgoingEmail } from '@/lib/email/transports';
import { resetEnvCache } from '@/lib/env';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { buildLetterDraft } from '@/lib/letters/letter-draft';
import { sendLetters } from '@/lib/letters/send-letters';
import { importSenators } from '@/lib/senators/import-senators';
import { liveLink } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const DURBIN = 'D000563';
const OFFICE = 'correspondence@durbin.senate.example';
const saved = { ...process.env };

beforeAll(() => {
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
  resetEnvCache();
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvCache();
});

const sent: OutgoingEmail[] = [];
const recording: EmailTransport = { name: 'recording', send: async (m) => (sent.push(m), { id: `prov-${randomUUID()}` }) };
const drain = () => drainOutbox({ transport: recording, limit: 50 });

let campaignId: string;
beforeEach(async () => {
  sent.length = 0;
  const { db } = await getTestDb();
  campaignId = (await seedDatabase(db, { adminEmail: 'owner@test.example' })).campaignId;
  await importSenators({ source: ROSTER_DIR, db });
  await db.update(senators).set({ deliveryEmail: OFFICE }).where(eq(senators.bioguideId, DURBIN));
});

async function writeToDurbin(email = 'ada@example.org') {
  const { db } = await getTestDb();
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  const d = buildLetterDraft({ subjectTemplate: c.letterSubjectTemplate, bodyTemplate: c.letterBodyTemplate, treatyName: 'Optional Protocol', treatyShortName: 'OPSC' });
  await sendLetters({ input: { campaignSlug: c.slug, firstName: 'Ada', lastName: 'Lovelace', email, zip: '62701', subject: d.subject, body: d.body }, requireStreet: false });
  const [mail] = await outboxFor(email, 'letters-confirmation');
  await confirmLetters({ input: { token: (await liveLink(mail, 'confirmUrl')).split('/').pop()! } });
  await drain();
  const [letter] = await db.select().from(letters).where(eq(letters.senatorId, DURBIN));
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, letter.outboxId!));
  return { letter, row };
}

function signed(event: unknown, opts: { id?: string; at?: Date; secret?: string } = {}) {
  const body = JSON.stringify(event);
  const id = opts.id ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  const signature = new Webhook(opts.secret ?? SECRET).sign(id, at, body);
  const headers = { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': signature };
  return { id, request: () => new Request('http://localhost/api/webhooks/resend', { method: 'POST', headers, body }) };
}
const event = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: ['someone@example.org'], ...extra },
});

describe('the Resend webhook', () => {
  it('refuses unsigned, badly signed, stale and replayed requests', async () => {
    const ok = signed(event('email.delivered', 'prov-x'));
    const body = JSON.stringify(event('email.delivered', 'prov-x'));
    expect((await webhook(new Request('http://localhost/', { method: 'POST', body }))).status).toBe(400);
    const forged = signed(event('email.delivered', 'prov-x'), { secret: `whsec_${randomBytes(24).toString('base64')}` });
    expect((await webhook(forged.request())).status).toBe(401);
    const stale = signed(event('email.delivered', 'prov-x'), { at: new Date(Date.now() - 10 * 60_000) });
    expect((await webhook(stale.request())).status).toBe(401);
    // A body changed after signing.
    const tampered = ok.request();
    const headers = Object.fromEntries(tampered.headers);
    expect((await webhook(new Request('http://localhost/', { method: 'POST', headers, body: body.replace('prov-x', 'prov-y') }))).status).toBe(401);

    expect((await webhook(ok.request())).status).toBe(200);
    expect((await webhook(ok.request())).status).toBe(400);
    const { db } = await getTestDb();
    expect(await db.select().from(emailEvents)).toHaveLength(1);
  });

  it('records delivered and delayed against the outbox row and the letter', async () => {
    const { letter, row } = await writeToDurbin();
    expect(letter.status).toBe('sent');
    expect(letter.deliveredAt).toBeNull();
    expect((await webhook(signed(event('email.delivery_delayed', row.providerMessageId!)).request())).status).toBe(200);
    const { db } = await getTestDb();
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)))[0].deliveryEvent).toBe('delayed');
    expect((await webhook(signed(event('email.delivered', row.providerMessageId!)).request())).status).toBe(200);
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)))[0].deliveryEvent).toBe('delivered');
    const [after] = await db.select().from(letters).where(eq(letters.id, letter.id));
    expect(after.deliveredAt).toBeInstanceOf(Date);
    expect((await db.select().from(emailEvents)).map((e) => [e.type, e.letterId, e.outboxId])).toEqual([
      ['delayed', letter.id, row.id],
      ['delivered', letter.id, row.id],
    ]);
    // Other event types are acknowledged and ignored.
    expect(await (await webhook(signed(event('email.opened', row.providerMessageId!)).request())).json()).toMatchObject({ outcome: 'ignored' });
  });

  it('a hard bounce from an office fails its letter, tells the writer and the owners, and suppresses the address', async () => {
    await makeStaff('owner', { email: 'boss@coalition.example.org' });
    const { letter, row } = await writeToDurbin();
    const res = await webhook(signed(event('email.bounced', row.providerMessageId!, { bounce: { type: 'Permanent', subType: 'General', message: 'mailbox does not exist' } })).request());
    expect(res.status).toBe(200);
    const { db } = await getTestDb();
    const [after] = await db.select().from(letters).where(eq(letters.id, letter.id));
    expect(after).toMatchObject({ status: 'failed', failureReason: 'The office address bounced (Permanent: General: mailbox does not exist)' });
    expect(await outboxFor('ada@example.org', 'letter-delivery-failed')).toHaveLength(1);
    expect(await outboxFor('boss@coalition.example.org', 'office-address-bounced')).toHaveLength(1);
    expect(await db.select().from(emailSuppressions)).toEqual([expect.objectContaining({ address: OFFICE, reason: 'hard_bounce' })]);

    // The next letter to that office is not sent: it fails, and its writer hears so.
    await writeToDurbin('bo@example.org');
    const [bo] = await db.select().from(supporters).where(eq(supporters.email, 'bo@example.org'));
    const durbinLetter = (await db.select().from(letters).where(eq(letters.supporterId, bo.id))).find((l) => l.senatorId === DURBIN);
    expect(durbinLetter).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('bounced permanently') });
    expect(sent.filter((m) => m.to === OFFICE)).toHaveLength(1);
  });

  it('a soft bounce is recorded but suppresses nothing', async () => {
    const { letter, row } = await writeToDurbin();
    await webhook(signed(event('email.bounced', row.providerMessageId!, { bounce: { type: 'Transient', subType: 'MailboxFull' } })).request());
    const { db } = await getTestDb();
    expect((await db.select().from(letters).where(eq(letters.id, letter.id)))[0].status).toBe('sent');
    expect(await db.select().from(emailSuppressions)).toEqual([]);
  });
});

describe('suppression and consent in the drainer', () => {
  async function queue(template: 'campaign-update' | 'letters-already-written', to: string, key: string) {
    const { db } = await getTestDb();
    const unsubscribeUrl = secretLink('/unsubscribe/{token}', 'u'.repeat(43));
    await db.transaction((tx) =>
      template === 'campaign-update'
        ? enqueueEmail(tx, { template, to, props: { firstName: 'A', subject: 'News', bodyText: 'Hello', coalitionName: 'C', unsubscribeUrl }, idempotencyKey: key })
        : enqueueEmail(tx, { template, to, props: { firstName: 'A', campaignTitle: 'T', senators: [{ name: 'S' }], campaignUrl: 'http://localhost:3000/c/x', coalitionName: 'C', unsubscribeUrl }, idempotencyKey: key }),
    );
  }
  const statusOf = async (key: string) => (await (await getTestDb()).db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key)))[0];

  it('holds campaign mail for a complaint or an unsubscribe, but still sends what the person asked for; a hard bounce stops both', async () => {
    const { db } = await getTestDb();
    await db.insert(emailSuppressions).values([
      { address: 'spam@example.org', reason: 'complaint' },
      { address: 'gone@example.org', reason: 'hard_bounce' },
    ]);
    await db.insert(supporters).values({ email: 'left@example.org', unsubscribedAt: new Date() });
    await queue('campaign-update', 'spam@example.org', 'u1');
    await queue('letters-already-written', 'spam@example.org', 't1');
    await queue('campaign-update', 'left@example.org', 'u2');
    await queue('letters-already-written', 'left@example.org', 't2');
    await queue('campaign-update', 'gone@example.org', 'u3');
    await queue('letters-already-written', 'gone@example.org', 't3');
    await queue('campaign-update', 'fine@example.org', 'u4');
    await drain();
    expect(await statusOf('u1')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('spam') });
    expect(await statusOf('t1')).toMatchObject({ status: 'sent' });
    expect(await statusOf('u2')).toMatchObject({ status: 'failed', lastError: 'Not sent: the recipient unsubscribed' });
    expect(await statusOf('t2')).toMatchObject({ status: 'sent' });
    expect(await statusOf('u3')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('bounced permanently') });
    expect(await statusOf('t3')).toMatchObject({ status: 'failed' });
    expect(await statusOf('u4')).toMatchObject({ status: 'sent' });
    expect(sent.map((m) => m.to).sort()).toEqual(['fine@example.org', 'left@example.org', 'spam@example.org']);
  });

  it('a complaint webhook suppresses campaign mail to that address', async () => {
    await writeToDurbin();
    const [receipt] = await outboxFor('ada@example.org', 'letter-receipt');
    await webhook(signed(event('email.complained', receipt.providerMessageId!)).request());
    const { db } = await getTestDb();
    expect(await db.select().from(emailSuppressions)).toEqual([expect.objectContaining({ address: 'ada@example.org', reason: 'complaint' })]);
    await queue('campaign-update', 'ada@example.org', 'after-complaint');
    await drain();
    expect(await statusOf('after-complaint')).toMatchObject({ status: 'failed' });
  });
});

describe('List-Unsubscribe on every supporter mail', () => {
  it('every template to supporters carries RFC 8058 headers pointing at the one-click endpoint', async () => {
    const toSupporters = Object.entries(templates).filter(([, d]) => (d as { toSupporter?: boolean }).toSupporter);
    expect(toSupporters.map(([n]) => n).sort()).toEqual(
      ['campaign-update', 'letter-delivery-failed', 'letter-receipt', 'letters-already-written', 'letters-confirmation', 'signature-confirmation'].sort(),
    );
    for (const [name, def] of toSupporters) {
      const preview = (def.component as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps;
      const r = await renderEmail(name, preview);
      expect(r.headers['List-Unsubscribe'], name).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[^>]+>$/);
      expect(r.headers['List-Unsubscribe-Post'], name).toBe('List-Unsubscribe=One-Click');
    }
    const sentMails = sent.filter((m) => m.to.endsWith('@example.org'));
    for (const m of sentMails) expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('the one-click endpoint unsubscribes with a plain POST and no session', async () => {
    await writeToDurbin();
    const receipt = sent.find((m) => m.subject.startsWith('Your letters to the Senate'))!;
    expect(receipt.headers['List-Unsubscribe']).toMatch(/\/api\/unsubscribe\//);
    const url = receipt.headers['List-Unsubscribe'].slice(1, -1);
    const token = url.split('/').pop()!;
    const res = await oneClick(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(200);
    const { db } = await getTestDb();
    expect((await db.select().from(supporters).where(eq(supporters.email, 'ada@example.org')))[0].unsubscribedAt).toBeInstanceOf(Date);
  });
});
