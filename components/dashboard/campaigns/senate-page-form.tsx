'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { Stance } from '@/db/schema/enum-values';
import type { FormState } from '@/lib/forms/state';
import { STANCE_OPTIONS } from '@/lib/senators/stance-labels';

/** Opt the campaign's public Senate page in or out, and choose which stances it may show. */
export function SenatePageForm({
  campaignId,
  slug,
  senatePage,
  action,
}: {
  campaignId: string;
  slug: string;
  senatePage: { public: boolean; stances: Stance[] };
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} aria-labelledby="senate-page-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="senate-page-heading" className="text-lg font-semibold">
        Public Senate page
      </h2>
      <p className="text-sm text-muted">
        At <code>/c/{slug}/senate</code>: each senator’s position with its source and date, the votes needed, the committee and a seat chart.
        Stances you leave unticked show as “No public position”; notes are never shown.
      </p>
      <input type="hidden" name="id" value={campaignId} />
      <div className="flex items-center gap-2">
        <input id="senate-page-public" type="checkbox" name="senatePagePublic" defaultChecked={senatePage.public} className="h-5 w-5 accent-brand-700" />
        <label htmlFor="senate-page-public" className="font-medium">
          Publish the Senate page
        </label>
      </div>
      <fieldset>
        <legend className="font-medium">Stances shown publicly</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {STANCE_OPTIONS.filter((o) => o.value !== 'unknown').map((o) => (
            <div key={o.value} className="flex items-center gap-2">
              <input
                id={`public-stance-${o.value}`}
                type="checkbox"
                name="publicStances"
                value={o.value}
                defaultChecked={senatePage.stances.includes(o.value)}
                className="h-5 w-5 accent-brand-700"
              />
              <label htmlFor={`public-stance-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
        <p aria-live="polite" className="mt-1 text-sm font-medium text-red-700">
          {state.fieldErrors?.publicStances?.[0]}
        </p>
      </fieldset>
      <Button variant="secondary" pendingLabel="Saving…">
        Save Senate page settings
      </Button>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>{state.status !== 'idle' ? state.message : null}</FormMessage>
    </form>
  );
}
