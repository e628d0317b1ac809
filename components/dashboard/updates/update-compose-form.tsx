'use client';

import { useActionState } from 'react';
import { Field, TextAreaField } from '@/components/ui/field';
import type { FormState } from '@/lib/forms/state';

/** Write an update (saved as a draft; sending is a separate, deliberate step). Works without JS. */
export function UpdateComposeForm({ campaignId, action }: { campaignId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <Field label="Subject" name="subject" required maxLength={200} defaultValue={state.values?.subject ?? ''} error={errors?.subject} />
      <TextAreaField
        label="Update"
        name="bodyMd"
        rows={10}
        required
        defaultValue={state.values?.bodyMd ?? ''}
        error={errors?.bodyMd}
        hint="Markdown: **bold**, _italic_, [links](https://…), lists and headings. No images or HTML."
      />
      <p role={state.status === 'error' ? 'alert' : 'status'} aria-live="polite" className={state.status === 'error' ? 'font-medium text-red-700' : 'text-green-800'}>
        {state.status !== 'idle' ? state.message : ''}
      </p>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save draft'}
      </button>
    </form>
  );
}

/** Send a draft now, or at a time (UTC). */
export function UpdateSendForm({ updateId, audience, action }: { updateId: string; audience: number; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="updateId" value={updateId} />
      <Field label="Send at (UTC, optional)" name="scheduledAt" type="datetime-local" defaultValue={state.values?.scheduledAt ?? ''} error={errors?.scheduledAt} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? 'Starting…' : `Send to ${audience} supporters`}
      </button>
      <p role={state.status === 'error' ? 'alert' : 'status'} aria-live="polite" className={`w-full ${state.status === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </p>
    </form>
  );
}
