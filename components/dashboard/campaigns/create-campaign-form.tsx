'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SLUG_MAX } from '@/lib/campaigns/schemas';
import type { CreateCampaignState } from '@/lib/forms/campaign';

/** Title, optional web address and treaty: enough for a draft; the editor does the rest. */
export function CreateCampaignForm({
  action,
  treaties,
}: {
  action: (state: CreateCampaignState, formData: FormData) => Promise<CreateCampaignState>;
  treaties: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-4">
      <FormMessage>{state.status === 'error' ? state.message : undefined}</FormMessage>
      <Field label="Title" name="title" required defaultValue={values?.title} error={errors.title} autoComplete="off" />
      <Field
        label="Web address (optional)"
        name="slug"
        defaultValue={values?.slug}
        error={errors.slug}
        maxLength={SLUG_MAX}
        autoComplete="off"
        spellCheck={false}
        hint="The end of the public link, /c/your-address. Lower-case letters, digits and hyphens; made from the title if left empty."
      />
      <SelectField label="Treaty" name="treatyId" options={treaties} defaultValue={values?.treatyId} error={errors.treatyId} />
      <Button pendingLabel="Creating…">Create draft</Button>
    </form>
  );
}
