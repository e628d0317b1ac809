import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionTokens, auditLog, emailOutbox, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { AppError } from '@/lib/errors';
import { confirmSignature, findUsedSignatureConfirmation, previewSignatureConfirmation } from '@/lib/petitions/confirm-signature';
import { signPetition } from '@/lib/petitions/sign-petition';
import { getUnsubscribeRequest, unsubscribeSupporter } from '@/lib/supporters/unsubscribe-supporter';
import { getTestDb } from '../support/test-db';
import { liveLink, liveProps } from '../support/mail-links';

const SLUG = 'protect-children-protocol';

beforeEach(async () => {
  const { db } = await getTestDb();
  await seedDatabase(db, { adminEmail: 'owner@test.example' });
});

/** Sign and return the raw tokens from the queued email, as the supporter would receive them. */
async function signAndReadMail(email = 'maria@example.org', optIn = false) {
  await signPetition({
    input: { campaignSlug: SLUG, firstName: 'Maria', lastName: 'Lopez', email, zip: '10001', optIn },
  });
  const { db } = await getTestDb();
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
  const last = (u: unknown) => String(u).split('/').pop()!;
  const links = await liveProps(mail);
  return { confirm: last(links.confirmUrl), unsubscribe: last(links.unsubscribeUrl) };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
}

describe('confirmSignature', () => {
  it('verifies the signature and the email, once', async () => {
    const { confirm } = await signAndReadMail();
    const res = await confirmSignature({ input: { token: confirm } });
    expect(res.campaign?.slug).toBe(SLUG);
    const { db } = await getTestDb();
    const [sig] = await db.select().from(signatures);
    const [sup] = await db.select().from(supporters);
    expect(sig.verifiedAt).toBeInstanceOf(Date);
    expect(sup.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await codeOf(confirmSignature({ input: { token: confirm } }))).toBe('TOKEN_USED');
  });

  it('opening the link only looks: nothing is verified until the confirm itself', async () => {
    const { confirm, unsubscribe } = await signAndReadMail();
    for (let i = 0; i < 2; i++) expect((await previewSignatureConfirmation({ input: { token: confirm } })).campaign?.slug).toBe(SLUG);
    const { db } = await getTestDb();
    expect((await db.select().from(signatures))[0].verifiedAt).toBeNull();
    expect((await db.select().from(supporters))[0].emailVerifiedAt).toBeNull();
    expect(await findUsedSignatureConfirmation({ input: { token: confirm } })).toBeNull();

    await confirmSignature({ input: { token: confirm } });
    expect(await codeOf(previewSignatureConfirmation({ input: { token: confirm } }))).toBe('TOKEN_USED');
    expect((await findUsedSignatureConfirmation({ input: { token: confirm } }))?.campaign?.slug).toBe(SLUG);
    // Another kind of token, or garbage, never reads as a used confirmation.
    expect(await findUsedSignatureConfirmation({ input: { token: unsubscribe } })).toBeNull();
    expect(await findUsedSignatureConfirmation({ input: { token: "' or 1=1 --" } })).toBeNull();
  });

  it('rejects expired, unknown, malformed and wrong-purpose tokens', async () => {
    const { confirm, unsubscribe } = await signAndReadMail();
    expect(await codeOf(confirmSignature({ input: { token: unsubscribe } }))).toBe('NOT_FOUND');
    expect(await codeOf(confirmSignature({ input: { token: 'A'.repeat(43) } }))).toBe('NOT_FOUND');
    expect(await codeOf(confirmSignature({ input: { token: "' or 1=1 --" } }))).toBe('NOT_FOUND');
    const { db } = await getTestDb();
    await db.update(actionTokens).set({ expiresAt: sql`now() - interval '1 minute'` });
    const expired = await confirmSignature({ input: { token: confirm } }).catch((e: AppError) => e);
    expect(expired).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect((expired as AppError).message).toMatch(/expired/);
    const [sig] = await db.select().from(signatures);
    expect(sig.verifiedAt).toBeNull();
  });

  it('lets only one of two simultaneous clicks redeem the token', async () => {
    const { confirm } = await signAndReadMail();
    const results = await Promise.allSettled([
      confirmSignature({ input: { token: confirm } }),
      confirmSignature({ input: { token: confirm } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('never clears a verified email, nor rewrites the profile, when the same address signs again', async () => {
    const { confirm } = await signAndReadMail();
    await confirmSignature({ input: { token: confirm } });
    await signPetition({
      input: { campaignSlug: SLUG, firstName: 'M', lastName: 'L', email: 'maria@example.org', zip: '10001', optIn: true },
    });
    const { db } = await getTestDb();
    const [sup] = await db.select().from(supporters);
    expect(sup.emailVerifiedAt).toBeInstanceOf(Date);
    // Anyone can type this address: the profile keeps the record its owner confirmed.
    expect(sup.firstName).toBe('Maria');
  });
});

describe('unsubscribeSupporter', () => {
  it('stops updates immediately and withdraws every opt-in, idempotently', async () => {
    const { unsubscribe } = await signAndReadMail('jo@example.org', true);
    const peek = await getUnsubscribeRequest({ input: { token: unsubscribe } });
    // The opt-in was a consent to the host, so the page offers to leave it.
    expect(peek).toEqual({ maskedEmail: 'j••••@example.org', alreadyUnsubscribed: false, organisations: [expect.objectContaining({ name: expect.any(String) })] });

    expect(await unsubscribeSupporter({ input: { token: unsubscribe } })).toEqual({ alreadyUnsubscribed: false });
    const { db } = await getTestDb();
    const [sup] = await db.select().from(supporters);
    expect(sup.unsubscribedAt).toBeInstanceOf(Date);
    const [sig] = await db.select().from(signatures);
    expect(sig.optedIn).toBe(false);
    // A mail client repeating the one-click POST, or a second click, is harmless.
    expect(await unsubscribeSupporter({ input: { token: unsubscribe } })).toEqual({ alreadyUnsubscribed: true });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'supporter.unsubscribe'));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain('jo@example.org');
  });

  it('refuses unknown and expired links', async () => {
    const { unsubscribe } = await signAndReadMail();
    expect(await codeOf(unsubscribeSupporter({ input: { token: 'B'.repeat(43) } }))).toBe('NOT_FOUND');
    const { db } = await getTestDb();
    await db.update(actionTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    expect(await codeOf(unsubscribeSupporter({ input: { token: unsubscribe } }))).toBe('TOKEN_EXPIRED');
    expect(await codeOf(getUnsubscribeRequest({ input: { token: unsubscribe } }))).toBe('TOKEN_EXPIRED');
  });

  it('is lifted when the person opts in again and confirms that signature', async () => {
    const first = await signAndReadMail('kim@example.org', false);
    await unsubscribeSupporter({ input: { token: first.unsubscribe } });
    const { db } = await getTestDb();
    // A second campaign, signed with "keep me updated" ticked, then confirmed.
    await db.execute(sql`insert into campaigns (organisation_id, treaty_id, slug, title, status)
      select organisation_id, treaty_id, 'second', 'Second', 'live' from campaigns where slug = ${SLUG}`);
    await signPetition({
      input: { campaignSlug: 'second', firstName: 'Kim', lastName: 'Lee', email: 'kim@example.org', zip: '10001', optIn: true },
    });
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'kim@example.org'));
    const second = mails.find((m) => String(m.props.campaignTitle) === 'Second')!;
    const [sup0] = await db.select().from(supporters);
    expect(sup0.unsubscribedAt).toBeInstanceOf(Date); // signing alone does not resubscribe anyone
    await confirmSignature({ input: { token: (await liveLink(second, 'confirmUrl')).split('/').pop()! } });
    const [sup] = await db.select().from(supporters);
    expect(sup.unsubscribedAt).toBeNull();
  });
});
