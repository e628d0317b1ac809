import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import type { NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { getClientIpHash } from '@/lib/security/client-ip';
import { getAppSecret } from '@/lib/security/app-secret';
import { staffEmailProvider } from './email-provider';
import { recordSignIn, recordSignOut } from './record-sign-in';
import { resolveAuthRedirect } from './safe-redirect';
import { decideSignInRequest } from './sign-in-guard';
import { findStaffByEmail } from './staff-lookup';

export const AUTH_BASE_PATH = '/api/auth';

/**
 * Exactly where Auth.js sends the browser after queueing a link. A refused request (stranger, revoked,
 * rate limited) is sent to the same place, so the response cannot tell the two apart.
 */
export const NEUTRAL_AFTER_REQUEST = `${AUTH_BASE_PATH}/verify-request?provider=email&type=email`;

export type AuthDeps = {
  /** Salted hash of the client address, for the per-IP limit (null: none available). */
  clientIpHash: () => Promise<string | null>;
};

const defaultDeps: AuthDeps = { clientIpHash: getClientIpHash };

const quietAuthErrors = new Set(['AccessDenied', 'Verification', 'CredentialsSignin']);

function staffAdapter(): Adapter {
  const db = getDb();
  const adapter = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  // The stock deleteSession returns nothing, so events.signOut could not say who signed out.
  adapter.deleteSession = async (sessionToken) => {
    const [row] = await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken)).returning();
    return row ?? null;
  };
  return adapter;
}

/** Built per request (lazily): reading the secret touches the database, so never at import or build time. */
export async function createAuthConfig(deps: AuthDeps = defaultDeps): Promise<NextAuthConfig> {
  // Auth.js builds its URLs (the callback's base, where a sign-in redirects) from AUTH_URL when set,
  // else from the request as Next sees it: behind a proxy or load balancer, that is the instance's own
  // address, so a link redeemed through the proxy redirected to an instance the browser cannot use
  // (and the form-action CSP blocked it). The public address is APP_URL, the same on every instance.
  process.env.AUTH_URL ??= env().APP_URL;
  return {
    secret: await getAppSecret('auth_secret', env().AUTH_SECRET),
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    adapter: staffAdapter(),
    // Database sessions: revoking a user deletes their rows and their next request is anonymous.
    session: { strategy: 'database', maxAge: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    providers: [staffEmailProvider()],
    pages: { signIn: '/sign-in', verifyRequest: '/check-your-inbox', error: '/sign-in/error' },
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== 'email' || !user.email) return false;
        if (email?.verificationRequest) {
          // Before any token exists: strangers never get one, and never learn that they did not.
          const decision = await decideSignInRequest({ email: user.email, ipHash: await deps.clientIpHash() });
          return decision === 'send' ? true : NEUTRAL_AFTER_REQUEST;
        }
        // Redeeming a link: the address must still be active staff (it may have been revoked since).
        const staff = await findStaffByEmail(user.email);
        return !!staff && !staff.revokedAt;
      },
      redirect({ url, baseUrl }) {
        return resolveAuthRedirect(url, baseUrl);
      },
      session({ session, user }) {
        const row = user as typeof user & { role?: string; revokedAt?: Date | string | null; organisationId?: string | null };
        // A fresh object: the adapter's session carries the session token, which must never reach
        // the JSON answer of /api/auth/session (the cookie holding it is httpOnly for a reason).
        const payload = {
          user: { id: row.id, email: row.email, name: row.name ?? null, role: row.role, organisationId: row.organisationId ?? null, revoked: !!row.revokedAt },
          expires: session.expires,
        };
        return payload as unknown as typeof session;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id) await recordSignIn({ id: user.id, email: user.email ?? null });
      },
      async signOut(message) {
        const userId = 'session' in message ? message.session?.userId : undefined;
        if (userId) await recordSignOut(userId);
      },
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (quietAuthErrors.has(type)) logger.info({ type }, 'auth: request refused');
        else logger.error({ type, err: error.message }, 'auth error');
      },
      warn(code) {
        logger.warn({ code }, 'auth warning');
      },
      debug() {},
    },
  };
}
