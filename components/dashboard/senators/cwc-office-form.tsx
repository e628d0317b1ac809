'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/forms/state';

/**
 * One senator's CWC settings: an office code overriding the roster's (empty = the roster's), and a
 * switch to stop using CWC for the office. Works without JS (a plain form post).
 */
export function CwcOfficeForm({
  senatorId,
  senatorName,
  officeCode,
  enabled,
  action,
}: {
  senatorId: string;
  senatorName: string;
  officeCode: string | null;
  enabled: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const codeId = useId();
  const enabledId = useId();
  const messageId = useId();
  const error = state.status === 'error';
  return (
    <form action={formAction} noValidate className="flex min-w-56 flex-col gap-1">
      <input type="hidden" name="senatorId" value={senatorId} />
      <label htmlFor={codeId} className="sr-only">
        CWC office code for {senatorName}
      </label>
      <div className="flex gap-2">
        <input
          id={codeId}
          name="officeCode"
          autoComplete="off"
          spellCheck={false}
          placeholder="From the roster"
          defaultValue={state.values?.officeCode ?? officeCode ?? ''}
          aria-invalid={error || undefined}
          aria-describedby={messageId}
          className={`min-h-11 w-28 rounded-md border bg-white px-2 font-mono text-sm uppercase ${error ? 'border-red-700' : 'border-slate-500'}`}
        />
        <button
          type="submit"
          disabled={pending}
          aria-label={pending ? undefined : `Save CWC settings for ${senatorName}`}
          className="min-h-11 rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
      <span className="flex items-center gap-2 text-sm">
        <input id={enabledId} type="checkbox" name="enabled" defaultChecked={enabled} className="h-5 w-5" />
        <label htmlFor={enabledId}>
          Use CWC<span className="sr-only"> for {senatorName}</span>
        </label>
      </span>
      <span id={messageId} role={error ? 'alert' : 'status'} className={`text-xs ${error ? 'font-medium text-red-700' : 'text-green-800'}`}>
        {state.status !== 'idle' ? (state.fieldErrors?.officeCode?.[0] ?? state.message) : ''}
      </span>
    </form>
  );
}
