'use server';

import { redirect } from 'next/navigation';
import { requestStaffSignIn } from '@/lib/auth/request-sign-in';
import { RequestSignInInput } from '@/lib/auth/schemas';
import { fieldErrorsFrom, type FieldErrors } from '@/lib/errors';

export type SignInFormState = { fieldErrors?: FieldErrors; message?: string; email?: string };

// Public by design (anyone may ask for a link); abuse is bounded by the per-email and per-IP limits
// inside the Auth.js signIn callback, which also covers direct POSTs to /api/auth/signin/email.
export async function requestSignInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const raw = { email: String(formData.get('email') ?? ''), callbackUrl: String(formData.get('callbackUrl') ?? '') };
  const parsed = RequestSignInInput.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error.issues), email: raw.email };
  const result = await requestStaffSignIn(parsed.data);
  if (!result.ok) return { message: 'We could not send a sign-in link just now. Please try again in a minute.', email: raw.email };
  redirect('/check-your-inbox');
}
