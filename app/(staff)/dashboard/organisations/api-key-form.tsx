'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';
import { createApiKeyAction } from './actions';

/** Create an OSDI key for one organisation; the answer shows the key once. */
export function ApiKeyForm({ organisations }: { organisations: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState<FormState, FormData>(createApiKeyAction, { status: 'idle' });
  const v = state.values;
  return (
    <form action={formAction} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-3">
      <Field label="Key name" name="name" defaultValue={v?.name} error={state.fieldErrors?.name} hint="Who uses it, for what." />
      <SelectField label="Organisation" name="organisationId" options={organisations} defaultValue={v?.organisationId} error={state.fieldErrors?.organisationId} />
      <SelectField
        label="Access"
        name="scope"
        options={[
          { value: 'read', label: 'Read-only' },
          { value: 'read_write', label: 'Read, and record signatures and letters' },
        ]}
        defaultValue={v?.scope || 'read'}
        error={state.fieldErrors?.scope}
      />
      <div className="space-y-2 sm:col-span-3">
        <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>
          {state.status !== 'idle' ? <span className="break-all">{state.message}</span> : undefined}
        </FormMessage>
        <Button pendingLabel="Creating…">Create API key</Button>
      </div>
    </form>
  );
}
