'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { requestSignInAction, type SignInFormState } from '../actions';

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail: string }) {
  const [state, formAction] = useActionState<SignInFormState, FormData>(requestSignInAction, {});
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <FormMessage>{state.message}</FormMessage>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={state.email ?? defaultEmail}
        error={state.fieldErrors?.email}
      />
      <Button pendingLabel="Sending…">Email me a sign-in link</Button>
    </form>
  );
}
