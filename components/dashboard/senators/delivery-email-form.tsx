'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/forms/state';

/**
 * One senator's office address for letter delivery. Enter or the button saves; an empty field
 * clears it. The label names the senator, so each of the hundred fields is distinct.
 */
export function DeliveryEmailForm({
  senatorId,
  senatorName,
  email,
  action,
}: {
  senatorId: string;
  senatorName: string;
  email: string | null;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const inputId = useId();
  const messageId = useId();
  const error = state.status === 'error';
  return (
    <form action={formAction} noValidate className="flex min-w-64 flex-col gap-1">
      <input type="hidden" name="senatorId" value={senatorId} />
      <label htmlFor={inputId} className="sr-only">
        Delivery email for {senatorName}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.values?.email ?? email ?? ''}
          aria-invalid={error || undefined}
          aria-describedby={messageId}
          className={`min-h-11 w-full rounded-md border bg-white px-2 text-sm ${error ? 'border-red-700' : 'border-slate-500'}`}
        />
        <button
          type="submit"
          disabled={pending}
          aria-label={pending ? undefined : `Save delivery email for ${senatorName}`}
          className="min-h-11 rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
      <span id={messageId} role={error ? 'alert' : 'status'} className={`text-xs ${error ? 'font-medium text-red-700' : 'text-green-800'}`}>
        {state.status !== 'idle' ? (state.fieldErrors?.email?.[0] ?? state.message) : ''}
      </span>
    </form>
  );
}
