'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';
import { inviteStaffAction } from './actions';

type Option = { value: string; label: string };

export function InviteForm({ roleOptions, partnerOptions }: { roleOptions: Option[]; partnerOptions: Option[] }) {
  const [state, formAction] = useActionState<FormState, FormData>(inviteStaffAction, { status: 'idle' });
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <div className="space-y-4">
      {/* Outside the keyed form, so the live region survives the reset and announces the outcome. */}
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
      {/* A new key after each success remounts the fields empty for the next invitation. */}
      <form action={formAction} noValidate className="space-y-4" key={state.status === 'ok' ? state.message : 'form'}>
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Email" name="email" type="email" autoComplete="off" required defaultValue={values?.email} error={state.fieldErrors?.email} />
          <Field label="Name (optional)" name="name" autoComplete="off" defaultValue={values?.name} error={state.fieldErrors?.name} />
          <SelectField label="Role" name="role" options={roleOptions} defaultValue={values?.role || 'viewer'} error={state.fieldErrors?.role} />
        </div>
        {partnerOptions.length > 0 && (
          <SelectField
            label="Partner organisation (partner role only)"
            name="organisationId"
            options={[{ value: '', label: 'None: coalition staff' }, ...partnerOptions]}
            defaultValue={values?.organisationId || ''}
            error={state.fieldErrors?.organisationId}
          />
        )}
        <Button pendingLabel="Sending invite…">Send invite</Button>
      </form>
    </div>
  );
}
