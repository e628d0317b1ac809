'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { StaffTreaty } from '@/lib/treaties/get-treaty';
import type { FormState } from '@/lib/forms/state';

const asText = (v: string | number | null) => (v === null ? '' : String(v));

/** Name, dates and counts (with the date they were true and their source). The stage follows the events. */
export function TreatyFactsForm({
  treaty,
  action,
}: {
  treaty: StaffTreaty;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.values ?? {
    name: treaty.name,
    shortName: treaty.shortName,
    summary: asText(treaty.summary),
    adoptedOn: asText(treaty.adoptedOn),
    usSignedOn: asText(treaty.usSignedOn),
    signatoriesCount: asText(treaty.signatoriesCount),
    statesPartiesCount: asText(treaty.statesPartiesCount),
    countsAsOf: asText(treaty.countsAsOf),
    countsSource: asText(treaty.countsSource),
    senateTreatyDoc: asText(treaty.senateTreatyDoc),
  };
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="id" value={treaty.id} />
      <input type="hidden" name="expectedUpdatedAt" value={treaty.updatedAt} />
      <Field label="Full name" name="name" defaultValue={v.name} error={err('name')} required />
      <Field label="Short name" name="shortName" defaultValue={v.shortName} error={err('shortName')} required className="max-w-xl" />
      <TextAreaField label="Summary" name="summary" rows={3} defaultValue={v.summary} error={err('summary')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Adopted on" name="adoptedOn" type="date" defaultValue={v.adoptedOn} error={err('adoptedOn')} />
        <Field label="Signed by the US on" name="usSignedOn" type="date" defaultValue={v.usSignedOn} error={err('usSignedOn')} />
        <Field label="Senate treaty document" name="senateTreatyDoc" defaultValue={v.senateTreatyDoc} error={err('senateTreatyDoc')} hint="e.g. Treaty Doc. 106-37" />
      </div>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Counts</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Countries that signed" name="signatoriesCount" type="number" inputMode="numeric" min={0} defaultValue={v.signatoriesCount} error={err('signatoriesCount')} />
          <Field label="Countries that ratified (parties)" name="statesPartiesCount" type="number" inputMode="numeric" min={0} defaultValue={v.statesPartiesCount} error={err('statesPartiesCount')} />
          <Field label="Counts as of" name="countsAsOf" type="date" defaultValue={v.countsAsOf} error={err('countsAsOf')} hint="The date the counts were true." />
        </div>
        <Field label="Source of the counts" name="countsSource" defaultValue={v.countsSource} error={err('countsSource')} hint="e.g. UN Treaty Collection, 1 May 2026" />
      </fieldset>
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
      <Button pendingLabel="Saving…">Save treaty facts</Button>
    </form>
  );
}
