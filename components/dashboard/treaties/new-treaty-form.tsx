'use client';

import { useActionState } from 'react';
import { STAGE_COPY } from '@/components/campaign/stage-copy';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TREATY_STAGES } from '@/lib/treaties/schemas';
import type { FormState } from '@/lib/forms/state';

const stageOptions = TREATY_STAGES.map((s) => ({ value: s, label: STAGE_COPY[s].label }));

/** A new treaty: names, dates and the step it has reached so far (its first recorded step). */
export function NewTreatyForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.values ?? {};
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  // Remount with the returned values as defaults: after React resets a submitted form, a <select>
  // would otherwise fall back to its first default instead of what was chosen.
  return (
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(state.values ?? null)}>
      <FormMessage tone="error">{state.status === 'error' ? state.message : undefined}</FormMessage>
      <Field label="Full name" name="name" defaultValue={v.name} error={err('name')} required hint="As the treaty itself is titled." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Short name" name="shortName" defaultValue={v.shortName} error={err('shortName')} required hint="Shown above campaign titles, e.g. CRC." />
        <Field label="Short address (optional)" name="slug" defaultValue={v.slug} error={err('slug')} hint="Lower-case letters, digits and hyphens; made from the short name if left blank." />
      </div>
      <TextAreaField label="Summary" name="summary" rows={3} defaultValue={v.summary} error={err('summary')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Adopted on" name="adoptedOn" type="date" defaultValue={v.adoptedOn} error={err('adoptedOn')} />
        <Field label="Signed by the US on" name="usSignedOn" type="date" defaultValue={v.usSignedOn} error={err('usSignedOn')} />
        <Field label="Senate treaty document" name="senateTreatyDoc" defaultValue={v.senateTreatyDoc} error={err('senateTreatyDoc')} hint="e.g. Treaty Doc. 106-37" />
      </div>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Where it stands now</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Stage reached" name="stage" options={stageOptions} defaultValue={v.stage ?? 'transmitted'} error={err('stage')} />
          <Field label="Reached on" name="stageOn" type="date" defaultValue={v.stageOn} error={err('stageOn')} required />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Source title" name="stageSourceTitle" defaultValue={v.stageSourceTitle} error={err('stageSourceTitle')} hint="e.g. Congress.gov treaty record" />
          <Field label="Source link" name="stageSourceUrl" type="url" defaultValue={v.stageSourceUrl} error={err('stageSourceUrl')} hint="https://…" />
        </div>
        <p className="text-sm text-muted">Earlier steps (adoption, signature, transmittal) can be added on the treaty’s page.</p>
      </fieldset>
      <Button pendingLabel="Adding…">Add treaty</Button>
    </form>
  );
}
