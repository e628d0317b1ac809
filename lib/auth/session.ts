import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import { staffUserFromSession, type StaffUser } from './session-user';

export type { StaffUser } from './session-user';

/**
 * The signed-in staff member, or null (anonymous, expired, revoked). Reads the database session on
 * every request; `cache` shares one lookup between a layout and its page.
 */
export const getStaffSession = cache(async (): Promise<StaffUser | null> => {
  return staffUserFromSession(await auth());
});
