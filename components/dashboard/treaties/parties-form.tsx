'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';

/** The states-parties list as CSV text: edit it here or paste a file's contents; a bad line refuses the whole file. */
export function PartiesForm({ treatyId, csv, action }: { treatyId: string; csv: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const errors = state.fieldErrors?.csv ?? [];
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="treatyId" value={treatyId} />
      <TextAreaField
        label="Countries (CSV)"
        name="csv"
        rows={10}
        defaultValue={state.values?.csv ?? csv}
        hint="Header: country,signature_date,ratification_date,accession,source — dates as YYYY-MM-DD, accession yes or empty."
        error={errors[0]}
        className="font-mono"
      />
      {errors.length > 1 && (
        <ul className="list-disc pl-5 text-sm text-red-700">
          {errors.slice(1).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <Button variant="secondary" pendingLabel="Saving…">
        Save the list
      </Button>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>{state.status !== 'idle' ? state.message : null}</FormMessage>
    </form>
  );
}
