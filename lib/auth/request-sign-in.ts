import 'server-only';
import { logger } from '@/lib/log/logger';
import { signIn } from './auth';
import { safeCallbackPath } from './safe-redirect';
import type { RequestSignInInput } from './schemas';

/**
 * Ask Auth.js for a magic link. Whether the address is staff, revoked or rate limited, the result is
 * the same (see config.ts signIn callback); the only failure reported is an unexpected error.
 */
export async function requestStaffSignIn(input: RequestSignInInput): Promise<{ ok: boolean }> {
  try {
    await signIn('email', { email: input.email, redirectTo: safeCallbackPath(input.callbackUrl), redirect: false });
    return { ok: true };
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'sign-in request failed');
    return { ok: false };
  }
}
