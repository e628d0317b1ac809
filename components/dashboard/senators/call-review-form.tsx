'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/forms/state';

/** Two buttons on one report: record what the office said as the senator's stance, or dismiss it. */
export function CallReviewForm({
  id,
  senatorName,
  canRecord,
  action,
}: {
  id: string;
  senatorName: string;
  canRecord: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const button = 'min-h-11 rounded-md border px-3 text-sm font-semibold disabled:opacity-60';
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {canRecord && (
        <button type="submit" name="decision" value="record" disabled={pending} className={`${button} border-brand-700 bg-brand-700 text-white`}>
          Record as stance<span className="sr-only"> of {senatorName}</span>
        </button>
      )}
      <button type="submit" name="decision" value="dismiss" disabled={pending} className={`${button} border-slate-500 bg-white`}>
        Dismiss<span className="sr-only"> report on {senatorName}</span>
      </button>
      <span role={state.status === 'error' ? 'alert' : 'status'} className="text-xs">
        {state.status !== 'idle' ? state.message : ''}
      </span>
    </form>
  );
}
