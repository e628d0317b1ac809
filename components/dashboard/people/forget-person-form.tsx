'use client';

import { useActionState } from 'react';
import { idleState, type ActionState } from '@/lib/forms/state';
import { FormMessage } from '@/components/ui/form-message';

export function ForgetPersonForm({
  supporterId,
  action,
}: {
  supporterId: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const error = state.fieldErrors?.confirmation?.[0];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="supporterId" value={supporterId} />
      <FormMessage>{state.status === 'error' && !error ? state.message : undefined}</FormMessage>
      <div>
        <label htmlFor="forget-confirmation" className="block font-medium">
          Type FORGET to confirm
        </label>
        <input
          id="forget-confirmation"
          name="confirmation"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'forget-confirmation-error' : 'forget-confirmation-hint'}
          className="mt-1 block min-h-11 w-full max-w-xs rounded-md border border-slate-400 px-3 py-2"
        />
        <p id="forget-confirmation-hint" className="mt-1 text-sm text-muted">
          In capital letters. This cannot be undone.
        </p>
        <p id="forget-confirmation-error" aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? 'Erasing…' : 'Forget this person'}
      </button>
    </form>
  );
}
