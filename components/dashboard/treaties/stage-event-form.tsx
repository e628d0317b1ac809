'use client';

import { useActionState } from 'react';
import { STAGE_COPY } from '@/components/campaign/stage-copy';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TREATY_STAGES } from '@/lib/treaties/schemas';
import type { FormState } from '@/lib/forms/state';

const stageOptions = TREATY_STAGES.map((s) => ({ value: s, label: STAGE_COPY[s].label }));

/** Append a dated, sourced step (e.g. the Senate's consent); the latest step becomes the current stage. */
export function StageEventForm({
  treatyId,
  action,
}: {
  treatyId: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.status === 'error' ? state.values : undefined;
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <div className="space-y-4">
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
      {/* A new key after each success empties the fields for the next step. */}
      <form action={formAction} noValidate className="space-y-4" key={state.status === 'ok' ? state.values?.eventId : 'form'}>
        <input type="hidden" name="treatyId" value={treatyId} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Stage" name="stage" options={stageOptions} defaultValue={v?.stage ?? 'consented'} error={err('stage')} />
          <Field label="Date" name="occurredOn" type="date" defaultValue={v?.occurredOn} error={err('occurredOn')} required />
        </div>
        <TextAreaField label="Note" name="note" rows={2} defaultValue={v?.note} error={err('note')} hint="What happened, e.g. the vote count." />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Source title" name="sourceTitle" defaultValue={v?.sourceTitle} error={err('sourceTitle')} hint="e.g. Congressional Record" />
          <Field label="Source link" name="sourceUrl" type="url" defaultValue={v?.sourceUrl} error={err('sourceUrl')} hint="https://…" />
        </div>
        <Button pendingLabel="Recording…">Record this step</Button>
      </form>
    </div>
  );
}
