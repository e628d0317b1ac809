'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';
import type { CoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { updateEmbedFrameAncestorsAction } from './actions';

/** Which sites may show the embedded petition: `*`, a list of origins, or empty for the server default. */
export function EmbedForm({ settings }: { settings: CoalitionSettings }) {
  const [state, formAction] = useActionState<FormState, FormData>(updateEmbedFrameAncestorsAction, { status: 'idle' });
  const stored = settings.embedFrameAncestors?.split(' ').join('\n') ?? '';
  const fallback = settings.embedFrameAncestorsDefault === '*' ? '* (any site)' : settings.embedFrameAncestorsDefault;
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-4">
      <input type="hidden" name="expectedUpdatedAt" value={settings.updatedAt} />
      <TextAreaField
        label="Sites that may embed your campaigns"
        name="embedFrameAncestors"
        rows={4}
        defaultValue={state.values?.embedFrameAncestors ?? stored}
        error={state.fieldErrors?.embedFrameAncestors}
        spellCheck={false}
        hint={
          <>
            One per line: <code>*</code> for any site, or each site’s origin, like <code>https://partner.example</code> (no path). Every
            other page of this site can never be framed. Empty: the server’s default, {fallback}.
          </>
        }
      />
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
      <Button pendingLabel="Saving…">Save embed sites</Button>
    </form>
  );
}
