'use server';

import { signOut } from './auth';

/** Deletes the database session (Auth.js) and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}
