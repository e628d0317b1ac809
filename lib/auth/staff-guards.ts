import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError, jsonError } from '@/lib/errors';
import { denyPage } from './forbidden';
import { can, type Permission } from './permissions';
import { PATHNAME_HEADER } from './request-path';
import { safeCallbackPath } from './safe-redirect';
import type { StaffUser } from './session-user';

// The logic behind lib/auth/require-staff.ts, over any session source (tests pass a stub; importing
// the Auth.js session would pull next-auth into vitest, which cannot load it).

type ResolveStaff = () => Promise<StaffUser | null>;

function apiError(code: 'UNAUTHORIZED' | 'FORBIDDEN'): Response {
  return jsonError(code, code === 'UNAUTHORIZED' ? 'Sign in required.' : 'Your role does not allow this.');
}

/** The guards over any session source; the exports below use the Auth.js session. Tests pass a stub. */
export function staffGuards(resolve: ResolveStaff) {
  return {
    async requireStaffPage(permission: Permission): Promise<StaffUser> {
      const user = await resolve();
      if (!user) {
        const here = safeCallbackPath((await headers()).get(PATHNAME_HEADER));
        redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
      }
      if (!can(user.role, permission)) denyPage();
      return user;
    },
    async requireStaffAction(permission: Permission): Promise<StaffUser> {
      const user = await resolve();
      if (!user) throw new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.');
      if (!can(user.role, permission)) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      return user;
    },
    async requireStaffApi(permission: Permission): Promise<StaffUser | Response> {
      const user = await resolve();
      if (!user) return apiError('UNAUTHORIZED');
      if (!can(user.role, permission)) return apiError('FORBIDDEN');
      return user;
    },
  };
}

