// Secrets at rest: emailed links' tokens are never in email_outbox (props or kept copies), yet the
// mail that is actually delivered carries working links.
import fs from 'node:fs';
import path from 'node:path';
import { Auth, skipCSRFCheck } from '@auth/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/raw';
import { campaigns, emailOutbox } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { createAuthConfig } from '@/lib/auth/config';
import { SignInLinkQuery, callbackAction, isSignInLinkUsable } from '@/lib/auth/sign-in-link';
import { drainOutbox } from '@/lib/email/drain';
import { kickDrain } from '@/lib/email/drain-loop';
import { enqueueEmail } from '@/lib/email/enqueue';
import { listMailbox } from '@/lib/email/list-mailbox';
import { secretLink } from '@/lib/email/secret-links';
import { resetEnvCache } from '@/lib/env';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { buildLetterDraft } from '@/lib/letters/letter-draft';
import { sendLetters } from '@/lib/letters/send-letters';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { signPetition } from '@/lib/petitions/sign-petition';
import { importSenators } from '@/lib/senators/import-senators';
import { unsubscribeSupporter } from '@/lib/supporters/unsubscribe-supporter';
import { startFakeResend, type FakeResend } from '../support/fake-resend';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
const ROSTER = ROSTER_DIR;
const ORIGIN = 'http://localhost:3000';

// The app's own transport choice, pointed at a local fake of the Resend API: mail kicked off inside
// a service (the staff sign-in link) goes there too.
let fake: FakeResend;
const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = 're_test';
  process.env.RESEND_BASE_URL = fake.url;
  resetEnvCache();
});
afterAll(async () => {
  for (const [k, v] of [['RESEND_API_KEY', saved.key], ['RESEND_BASE_URL', saved.url]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  await fake.close();
});
beforeEach(async () => {
  fake.requests.length = 0;
  await seedDatabase((await getTestDb()).db, { adminEmail: 'owner@secrets.test' });
});

/** Drain through the Resend API (a local fake): what the provider received is what people get. */
async function deliver() {
  await kickDrain();
  await drainOutbox();
  const { db } = await getTestDb();
  const unsent = await db.select({ template: emailOutbox.template, status: emailOutbox.status, lastError: emailOutbox.lastError }).from(emailOutbox);
  expect(unsent.filter((r) => r.status !== 'sent')).toEqual([]);
  return fake.delivered().map((r) => ({ to: String(r.body.to), html: String(r.body.html), text: String(r.body.text) }));
}

/** Every column of every outbox row, as one string. */
async function outboxDump(): Promise<string> {
  const { db } = await getTestDb();
  const rows = await queryRows<{ row: string }>(db, sql`select row_to_json(e)::text as row from email_outbox e`);
  return rows.map((r) => r.row).join('\n');
}

/** Links to our own origin found in a delivered text body. */
function linksIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(new RegExp(`${ORIGIN.replace(/[.:/]/g, '\\$&')}${pattern.source}`, 'g'))].map((m) => m[0]);
}

const tokenOf = (link: string) => link.split('/').pop()!;

describe('supporter links', () => {
  it('a signature: confirm and unsubscribe tokens are delivered but never stored', async () => {
    await signPetition({ input: { campaignSlug: SLUG, firstName: 'Rosa', lastName: 'Parks', email: 'rosa@example.org', zip: '10001', optIn: true } });
    // Queued: props hold the link's path and a sealed token only.
    const [queued] = await (await getTestDb()).db.select().from(emailOutbox);
    expect(queued.props.confirmUrl).toEqual({ path: '/confirm/signature/{token}', sealed: expect.stringMatching(/^v1\./) });

    const [mail] = await deliver();
    const [confirm] = linksIn(mail.text, /\/confirm\/signature\/[A-Za-z0-9_-]{43}/);
    const [unsubscribe] = linksIn(mail.html, /\/unsubscribe\/[A-Za-z0-9_-]{43}/);
    expect(confirm && unsubscribe).toBeTruthy();
    expect(mail.html).toContain(`href="${confirm}"`);

    const dump = await outboxDump();
    for (const secret of [confirm, unsubscribe, tokenOf(confirm), tokenOf(unsubscribe)]) expect(dump).not.toContain(secret);
    expect(dump).toContain('/confirm/signature/{redacted:confirmUrl}');

    // The delivered links work.
    await expect(confirmSignature({ input: { token: tokenOf(confirm) } })).resolves.toMatchObject({ campaign: { slug: SLUG } });
    await expect(unsubscribeSupporter({ input: { token: tokenOf(unsubscribe) } })).resolves.toBeTruthy();
  });

  it('letters: the confirmation and the receipt carry working links that the outbox never holds', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER, db });
    const [c] = await db.select().from(campaigns).where(eq(campaigns.slug, SLUG));
    const draft = buildLetterDraft({
      subjectTemplate: c.letterSubjectTemplate,
      bodyTemplate: c.letterBodyTemplate,
      treatyName: 'Optional Protocol on the sale of children',
      treatyShortName: 'Optional Protocol',
    });
    await sendLetters({
      input: { campaignSlug: SLUG, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', zip: '62701', city: 'Springfield', subject: draft.subject, body: draft.body },
    });
    const [confirmation] = await deliver();
    const [confirm] = linksIn(confirmation.text, /\/confirm\/letters\/[A-Za-z0-9_-]{43}/);
    expect(confirm).toBeTruthy();
    expect(await outboxDump()).not.toContain(tokenOf(confirm));

    await confirmLetters({ input: { token: tokenOf(confirm) } });
    const receipt = (await deliver()).find((m) => m.to === 'ada@example.org' && m.text.includes('/unsubscribe/'))!;
    const [unsubscribe] = linksIn(receipt.text, /\/unsubscribe\/[A-Za-z0-9_-]{43}/);
    expect(unsubscribe).toBeTruthy();
    const dump = await outboxDump();
    for (const secret of [confirm, unsubscribe, tokenOf(confirm), tokenOf(unsubscribe)]) expect(dump).not.toContain(secret);
    await expect(unsubscribeSupporter({ input: { token: tokenOf(unsubscribe) } })).resolves.toBeTruthy();
  });
});

describe('staff sign-in links', () => {
  async function auth(req: Request) {
    const config = await createAuthConfig({ clientIpHash: async () => 'ip-hash' });
    return Auth(req, { ...config, skipCSRFCheck } as Parameters<typeof Auth>[1]) as Promise<Response>;
  }

  it('the sign-in link is delivered working, never stored, and only a POST redeems it', async () => {
    const editor = await makeStaff('editor');
    await auth(
      new Request(`${ORIGIN}/api/auth/signin/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: editor.email, callbackUrl: '/dashboard' }),
      }),
    );
    const [mail] = await deliver();
    const [link] = linksIn(mail.text, /\/sign-in\/link\?[^\s\]]+/);
    const token = new URL(link).searchParams.get('token')!;
    expect(token).toMatch(/^[a-f0-9]{64}$/);
    const dump = await outboxDump();
    expect(dump).not.toContain(token);
    expect(dump).toContain('token={redacted:url}');

    const q = SignInLinkQuery.parse(Object.fromEntries(new URL(link).searchParams));
    expect(await isSignInLinkUsable(q)).toBe(true);
    const res = await auth(new Request(`${ORIGIN}${callbackAction(q)}`, { method: 'POST' }));
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='))).toBe(true);
    expect(await isSignInLinkUsable(q)).toBe(false);
  });
});

describe('sealed links', () => {
  it('refuse a plain URL where a secret link belongs, and a token moved into another link', async () => {
    const { db } = await getTestDb();
    const props = { firstName: 'Kim', subject: 'News', bodyText: 'Hello', coalitionName: 'CRC' };
    await expect(
      enqueueEmail(db, { template: 'campaign-update', to: 'kim@example.org', idempotencyKey: 'plain', props: { ...props, unsubscribeUrl: 'http://localhost:3000/unsubscribe/x' as never } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { unsubscribeUrl: [expect.stringMatching(/secret link/)] } });

    const id = (await enqueueEmail(db, {
      template: 'campaign-update',
      to: 'kim@example.org',
      idempotencyKey: 'moved',
      props: { ...props, unsubscribeUrl: secretLink('/unsubscribe/{token}', 'k'.repeat(43)) },
    }))!;
    // Someone with database access rewrites the link's path: the seal no longer opens, nothing is sent.
    await db.execute(sql`update email_outbox set props = jsonb_set(props, '{unsubscribeUrl,path}', '"/evil/{token}"') where id = ${id}`);
    expect(await drainOutbox()).toMatchObject({ failed: 1 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row.lastError).toMatch(/cannot be opened/);
    expect(fake.delivered()).toHaveLength(0);
  });

  it('the dev mailbox (where enabled) shows live links again', async () => {
    await signPetition({ input: { campaignSlug: SLUG, firstName: 'Rosa', lastName: 'Parks', email: 'rosa@example.org', zip: '10001', optIn: false } });
    const [mail] = await deliver();
    const [confirm] = linksIn(mail.text, /\/confirm\/signature\/[A-Za-z0-9_-]{43}/);
    const [shown] = await listMailbox({ to: 'rosa@example.org' });
    expect(shown.props.confirmUrl).toBe(confirm);
    expect(shown.text).toContain(confirm);
    expect(shown.html).toContain(`href="${confirm}"`);
  });
});

describe('rows from before links were sealed', () => {
  it('migration 0002 redacts their kept copies, and the props of rows already sent', async () => {
    const { db } = await getTestDb();
    const t = 'T'.repeat(43);
    const hex = 'ab'.repeat(32);
    const legacy = (key: string, status: 'sent' | 'queued') => ({
      template: 'signature-confirmation',
      toAddress: 'old@example.org',
      idempotencyKey: key,
      status,
      props: { confirmUrl: `${ORIGIN}/confirm/signature/${t}`, unsubscribeUrl: `${ORIGIN}/unsubscribe/${t}` },
      renderedHtml: status === 'sent' ? `<a href="${ORIGIN}/confirm/signature/${t}">x</a> <a href="${ORIGIN}/api/auth/callback/email?email=a&amp;token=${hex}">y</a>` : null,
      renderedText: status === 'sent' ? `${ORIGIN}/unsubscribe/${t} ${ORIGIN}/api/auth/callback/email?token=${hex}` : null,
    });
    await db.insert(emailOutbox).values([legacy('old:sent', 'sent'), legacy('old:queued', 'queued')]);
    const file = path.join(process.cwd(), 'db', 'migrations', '0005_redact_outbox_link_tokens.sql');
    for (const statement of fs.readFileSync(file, 'utf8').split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    const rows = await db.select().from(emailOutbox);
    const sent = rows.find((r) => r.idempotencyKey === 'old:sent')!;
    const queued = rows.find((r) => r.idempotencyKey === 'old:queued')!;
    expect(JSON.stringify(sent)).not.toContain(t);
    expect(JSON.stringify(sent)).not.toContain(hex);
    expect(sent.props.confirmUrl).toBe(`${ORIGIN}/confirm/signature/{redacted}`);
    expect(sent.renderedHtml).toContain('&amp;token={redacted}');
    // Still to be sent: its links must keep working.
    expect(queued.props.confirmUrl).toBe(`${ORIGIN}/confirm/signature/${t}`);
  });
});
