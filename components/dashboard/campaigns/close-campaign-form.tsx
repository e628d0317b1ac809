'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextAreaField } from '@/components/ui/field';
import { RESULT_NOTE_MAX } from '@/lib/campaigns/schemas';
import type { CloseCampaignState } from '@/lib/forms/campaign';

/** Close with a result note (or, once closed, rewrite the note). */
export function CloseCampaignForm({
  id,
  updatedAt,
  resultNote,
  closed,
  action,
}: {
  id: string;
  updatedAt: string;
  resultNote: string | null;
  closed: boolean;
  action: (state: CloseCampaignState, formData: FormData) => Promise<CloseCampaignState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />
      <TextAreaField
        label="Result note"
        name="resultNote"
        rows={3}
        maxLength={RESULT_NOTE_MAX}
        defaultValue={state.values?.resultNote ?? resultNote ?? ''}
        error={state.fieldErrors?.resultNote?.[0]}
        hint="Shown on the closed page: how it ended, and thanks."
      />
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>
        {state.status !== 'idle' && !state.fieldErrors ? state.message : undefined}
      </FormMessage>
      <Button variant={closed ? 'secondary' : 'danger'} pendingLabel={closed ? 'Saving…' : 'Closing…'}>
        {closed ? 'Update result note' : 'Close campaign'}
      </Button>
    </form>
  );
}
