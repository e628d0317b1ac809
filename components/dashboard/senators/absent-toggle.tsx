'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/forms/state';

/** Mark a senator expected absent for the vote (or present again): they leave the "present" count. */
export function AbsentToggle({
  senatorId,
  senatorName,
  treatyId,
  expectedAbsent,
  action,
}: {
  senatorId: string;
  senatorName: string;
  treatyId: string;
  expectedAbsent: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="senatorId" value={senatorId} />
      <input type="hidden" name="treatyId" value={treatyId} />
      <input type="hidden" name="expectedAbsent" value={expectedAbsent ? 'false' : 'true'} />
      {expectedAbsent && <span className="text-sm font-semibold">Expected absent</span>}
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-md border border-slate-500 bg-white px-3 text-sm hover:bg-slate-50 disabled:opacity-60"
        aria-label={`${expectedAbsent ? 'Mark present' : 'Mark expected absent'}: ${senatorName}`}
      >
        {expectedAbsent ? 'Mark present' : 'Mark absent'}
      </button>
      <span role={state.status === 'error' ? 'alert' : 'status'} className="text-xs">
        {state.status !== 'idle' ? state.message : ''}
      </span>
    </form>
  );
}
