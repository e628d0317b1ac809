import { Auth, skipCSRFCheck } from '@auth/core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, sessions, users, verificationTokens } from '@/db/schema';
import { createAuthConfig, NEUTRAL_AFTER_REQUEST } from '@/lib/auth/config';
import { staffUserFromSession } from '@/lib/auth/session-user';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-guard';
import { SignInLinkQuery, callbackAction } from '@/lib/auth/sign-in-link';
import { revokeStaff } from '@/lib/team/revoke-staff';
import { liveLink } from '../support/mail-links';
import { makeStaff, userRow } from './staff-fixtures';
import { outboxFor } from '../support/outbox';

// Drives the real Auth.js handler with our config (the route /api/auth/[...nextauth] serves the same).
const ORIGIN = 'http://localhost:3000';
const NEUTRAL = `${ORIGIN}${NEUTRAL_AFTER_REQUEST}`;

async function auth(req: Request, ip = 'ip-hash-1'): Promise<Response> {
  const config = await createAuthConfig({ clientIpHash: async () => ip });
  return Auth(req, { ...config, skipCSRFCheck } as Parameters<typeof Auth>[1]) as Promise<Response>;
}

function requestLink(email: string, opts: { callbackUrl?: string; ip?: string; origin?: string } = {}) {
  const body = new URLSearchParams({ email, callbackUrl: opts.callbackUrl ?? '/dashboard' });
  return auth(
    new Request(`${opts.origin ?? ORIGIN}/api/auth/signin/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
    opts.ip,
  );
}

function sessionCookie(res: Response): string | null {
  const c = res.headers.getSetCookie().find((v) => v.startsWith('authjs.session-token='));
  return c ? c.split(';')[0] : null;
}

async function sessionUser(cookie: string) {
  const res = await auth(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
  return staffUserFromSession(await res.json());
}

describe('requesting a magic link', () => {
  it('queues a 15-minute link for active staff through the outbox', async () => {
    const editor = await makeStaff('editor');
    const res = await requestLink(editor.email.toUpperCase());
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(NEUTRAL);

    const mail = await outboxFor(editor.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].template).toBe('staff-sign-in');
    expect(mail[0].props).toMatchObject({ host: 'localhost:3000', expiresMinutes: 15 });
    // The mail leads to our page with a button, not to the Auth.js callback (scanners open links).
    const url = new URL(await liveLink(mail[0], 'url'));
    expect(url.pathname).toBe('/sign-in/link');
    expect(url.searchParams.get('token')).toMatch(/^[a-f0-9]{64}$/);
    expect(url.searchParams.get('email')).toBe(editor.email);
    const [token] = await getDb().select().from(verificationTokens);
    const minutes = (token.expires.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('answers a stranger exactly like staff, and creates neither a token nor a mail', async () => {
    const res = await requestLink('stranger@example.org');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(NEUTRAL);
    expect(await getDb().select().from(emailOutbox)).toHaveLength(0);
    expect(await getDb().select().from(verificationTokens)).toHaveLength(0);
    expect(await getDb().select().from(users)).toHaveLength(0);
  });

  it('answers revoked staff the same way, with nothing sent', async () => {
    const gone = await makeStaff('editor', { revoked: true });
    const res = await requestLink(gone.email);
    expect(res.headers.get('location')).toBe(NEUTRAL);
    expect(await outboxFor(gone.email)).toHaveLength(0);
    expect(await getDb().select().from(verificationTokens)).toHaveLength(0);
  });

  it('stops sending after the per-address limit, still answering neutrally', async () => {
    const editor = await makeStaff('editor');
    const limit = SIGN_IN_LIMITS.email.limit;
    for (let i = 0; i < limit + 2; i++) {
      const res = await requestLink(editor.email, { ip: `ip-${i}` });
      expect(res.headers.get('location')).toBe(NEUTRAL);
    }
    expect(await outboxFor(editor.email)).toHaveLength(limit);
  });

  it('stops sending after the per-connection limit, across addresses', async () => {
    const people = await Promise.all(Array.from({ length: 3 }, () => makeStaff('viewer')));
    const limit = SIGN_IN_LIMITS.ip.limit;
    for (let i = 0; i < limit + 3; i++) await requestLink(people[i % 3].email.replace('@', `+${i}@`), { ip: 'one-ip' });
    // Only strangers so far (the +tags): the budget is spent all the same, so staff get nothing now.
    await requestLink(people[0].email, { ip: 'one-ip' });
    expect(await getDb().select().from(emailOutbox)).toHaveLength(0);
    await requestLink(people[0].email, { ip: 'another-ip' });
    expect(await outboxFor(people[0].email)).toHaveLength(1);
  });

  it('mails links on APP_URL even when the request names another host', async () => {
    const editor = await makeStaff('editor');
    await requestLink(editor.email, { origin: 'http://evil.example' });
    const [m] = await outboxFor(editor.email);
    const url = new URL(await liveLink(m, 'url'));
    expect(url.origin).toBe(new URL(process.env.APP_URL ?? 'http://localhost:3000').origin);
    expect(m.props.host).toBe(url.host);
  });

  it('ignores an off-site callbackUrl', async () => {
    const editor = await makeStaff('editor');
    await requestLink(editor.email, { callbackUrl: 'https://evil.example/steal' });
    await requestLink(editor.email, { callbackUrl: '//evil.example/steal' });
    const mail = await outboxFor(editor.email);
    expect(mail).toHaveLength(2);
    for (const m of mail) {
      expect(new URL(await liveLink(m, 'url')).searchParams.get('callbackUrl')).toBe(`${ORIGIN}/dashboard`);
    }
  });
});

describe('redeeming a magic link', () => {
  async function linkFor(email: string, callbackUrl?: string) {
    await requestLink(email, { callbackUrl });
    const [m] = await outboxFor(email);
    return liveLink(m, 'url');
  }

  /** What the page's "Sign in" button does: POST to the Auth.js callback with the link's query. */
  function redeem(link: string) {
    const q = SignInLinkQuery.parse(Object.fromEntries(new URL(link).searchParams));
    return auth(new Request(`${ORIGIN}${callbackAction(q)}`, { method: 'POST' }));
  }

  it('signs in once: session row, last_sign_in_at, auth.sign_in audit; the link is then dead', async () => {
    const analyst = await makeStaff('analyst');
    const url = await linkFor(analyst.email, '/dashboard/people?page=2');

    const res = await redeem(url);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/dashboard/people?page=2`);
    const cookie = sessionCookie(res);
    expect(cookie).not.toBeNull();
    expect(await sessionUser(cookie!)).toEqual({ id: analyst.id, email: analyst.email, name: analyst.name, role: 'analyst', organisationId: null });

    const row = await userRow(analyst.id);
    expect(row.lastSignInAt).toBeInstanceOf(Date);
    expect(row.emailVerified).toBeInstanceOf(Date);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: analyst.id, entityId: analyst.id });

    const again = await redeem(url);
    expect(again.headers.get('location')).toBe(`${ORIGIN}/sign-in/error?error=Verification`);
    expect(sessionCookie(again)).toBeNull();
    expect(await getDb().select().from(sessions)).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const editor = await makeStaff('editor');
    const url = await linkFor(editor.email);
    await getDb().update(verificationTokens).set({ expires: new Date(Date.now() - 1000) });
    const res = await redeem(url);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/sign-in/error?error=Verification`);
    expect(await getDb().select().from(sessions)).toHaveLength(0);
  });

  it('refuses a link whose owner was revoked after it was sent', async () => {
    const owner = await makeStaff('owner');
    const editor = await makeStaff('editor');
    const url = await linkFor(editor.email);
    await revokeStaff({ actor: owner, input: { userId: editor.id } });
    const res = await redeem(url);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/sign-in/error?error=AccessDenied`);
    expect(await getDb().select().from(sessions)).toHaveLength(0);
  });

  it('ends the session at once when the user is revoked', async () => {
    const owner = await makeStaff('owner');
    const editor = await makeStaff('editor');
    const cookie = sessionCookie(await redeem(await linkFor(editor.email)))!;
    expect((await sessionUser(cookie))?.role).toBe('editor');
    await revokeStaff({ actor: owner, input: { userId: editor.id } });
    expect(await sessionUser(cookie)).toBeNull();
  });

  it('signs out: deletes the session and writes auth.sign_out', async () => {
    const editor = await makeStaff('editor');
    const cookie = sessionCookie(await redeem(await linkFor(editor.email)))!;
    const res = await auth(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ callbackUrl: '/sign-in' }),
      }),
    );
    expect(res.status).toBe(302);
    expect(await getDb().select().from(sessions)).toHaveLength(0);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, 'auth.sign_out'));
    expect(audit).toMatchObject([{ actorUserId: editor.id }]);
  });

  it('never puts the session token in the session JSON', async () => {
    const editor = await makeStaff('editor');
    const cookie = sessionCookie(await redeem(await linkFor(editor.email)))!;
    const res = await auth(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    const text = await res.text();
    expect(text).not.toContain(cookie.split('=')[1]);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['expires', 'user']);
  });
});
