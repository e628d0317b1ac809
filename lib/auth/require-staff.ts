import 'server-only';
import type { Permission } from './permissions';
import { getStaffSession } from './session';
import type { StaffUser } from './session-user';
import { staffGuards } from './staff-guards';

// Every page, action and route handler calls one of these itself. The dashboard layout's check is
// not enough: layouts do not re-run on client navigation, and server actions and route handlers
// never pass through them. (tests/unit/authz-matrix.test.ts enforces this for actions.)

const guards = staffGuards(getStaffSession);

/** Server components: anonymous → redirect to /sign-in?callbackUrl=<this path>; lacking the permission → HTTP 403. */
export function requireStaffPage(permission: Permission): Promise<StaffUser> {
  return guards.requireStaffPage(permission);
}

/** Server actions: throws AppError('UNAUTHORIZED' | 'FORBIDDEN'); map it to the form state. */
export function requireStaffAction(permission: Permission): Promise<StaffUser> {
  return guards.requireStaffAction(permission);
}

/** Route handlers: the staff member, or a 401/403 JSON Response (`{ error, message }`) to return as is. */
export function requireStaffApi(permission: Permission): Promise<StaffUser | Response> {
  return guards.requireStaffApi(permission);
}

/** `export const GET = withStaff('exports:run', async (req, { user, params }) => …)` */
export function withStaff<C>(
  permission: Permission,
  handler: (req: Request, ctx: C & { user: StaffUser }) => Promise<Response> | Response,
): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    const user = await requireStaffApi(permission);
    if (user instanceof Response) return user;
    return handler(req, { ...ctx, user });
  };
}
