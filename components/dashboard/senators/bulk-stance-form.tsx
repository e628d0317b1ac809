'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';
import { STANCE_OPTIONS } from '@/lib/senators/stance-labels';

export const BULK_FORM_ID = 'bulk-stance';

/**
 * Set one stance from one source for the senators ticked in the table. The ticks are inputs in the
 * rows with `form="bulk-stance"`, so this works without JavaScript and without nesting forms.
 */
export function BulkStanceForm({ treatyId, action }: { treatyId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  return (
    <form id={BULK_FORM_ID} action={formAction} noValidate aria-labelledby="bulk-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="bulk-heading" className="text-lg font-semibold">
        Update several senators
      </h2>
      <p className="text-sm text-muted">Tick senators in the table below, then set their stance and the source it rests on.</p>
      <input type="hidden" name="treatyId" value={treatyId} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Stance to set" name="stance" options={STANCE_OPTIONS} defaultValue={v.stance ?? 'supports'} error={err.stance} />
        <Field label="Source link for all ticked" name="sourceUrl" type="url" defaultValue={v.sourceUrl} error={err.sourceUrl} hint="https://…" />
        <Field label="Date they stated it" name="statedOn" type="date" defaultValue={v.statedOn} error={err.statedOn} hint="Blank: today" />
        <Field label="Note for all ticked" name="note" defaultValue={v.note} error={err.note} />
      </div>
      {err.senatorIds && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {err.senatorIds[0]}
        </p>
      )}
      <Button pendingLabel="Saving…">Set stance for ticked senators</Button>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>{state.status !== 'idle' ? state.message : null}</FormMessage>
    </form>
  );
}
