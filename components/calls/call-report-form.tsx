'use client';

import { useActionState, useId } from 'react';
import { FormGuardFields } from '@/components/ui/form-guard-fields';
import { FormMessage } from '@/components/ui/form-message';
import { CALL_OUTCOMES, CALL_RESPONSES } from '@/db/schema/enum-values';
import { CALL_OUTCOME_LABELS, CALL_RESPONSE_LABELS } from '@/lib/calls/call-labels';
import type { FormState } from '@/lib/forms/state';

type State = FormState & { guardToken?: string };

/** "How did it go?": two groups of radio buttons and a button. A plain form: works without JS. */
export function CallReportForm({
  senatorId,
  senatorName,
  guardToken,
  action,
}: {
  senatorId: string;
  senatorName: string;
  guardToken: string;
  action: (s: State, f: FormData) => Promise<State>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const id = useId();
  const err = state.fieldErrors ?? {};
  if (state.status === 'ok') return <FormMessage tone="success">{state.message}</FormMessage>;
  return (
    <form action={formAction} className="space-y-3" aria-label={`How did your call to Senator ${senatorName} go?`}>
      <FormGuardFields token={state.guardToken ?? guardToken} />
      <input type="hidden" name="senatorId" value={senatorId} />
      <fieldset aria-describedby={`${id}-outcome-error`}>
        <legend className="font-medium">How did the call go?</legend>
        {CALL_OUTCOMES.map((o) => (
          <div key={o} className="flex items-center gap-2">
            <input id={`${id}-${o}`} type="radio" name="outcome" value={o} required className="h-5 w-5 accent-brand-700" />
            <label htmlFor={`${id}-${o}`}>{CALL_OUTCOME_LABELS[o]}</label>
          </div>
        ))}
        <p id={`${id}-outcome-error`} aria-live="polite" className="text-sm font-medium text-red-700">
          {err.outcome?.[0]}
        </p>
      </fieldset>
      <fieldset aria-describedby={`${id}-response-error`}>
        <legend className="font-medium">What did they say about the treaty?</legend>
        {CALL_RESPONSES.map((r) => (
          <div key={r} className="flex items-center gap-2">
            <input id={`${id}-${r}`} type="radio" name="response" value={r} required className="h-5 w-5 accent-brand-700" />
            <label htmlFor={`${id}-${r}`}>{CALL_RESPONSE_LABELS[r]}</label>
          </div>
        ))}
        <p id={`${id}-response-error`} aria-live="polite" className="text-sm font-medium text-red-700">
          {err.response?.[0]}
        </p>
      </fieldset>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-brand-700 bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">
        {pending ? 'Sending…' : 'Send my report'}
      </button>
      <FormMessage>{state.status === 'error' ? state.message : null}</FormMessage>
    </form>
  );
}
