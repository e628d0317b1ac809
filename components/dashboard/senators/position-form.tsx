'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/forms/state';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

const control = (error?: string) =>
  `min-h-11 w-full rounded-md border bg-white px-2 text-sm ${error ? 'border-red-700' : 'border-slate-500'}`;

/** A senator's stance on the chosen treaty, with a note and the source it rests on. */
export function PositionForm({
  senatorId,
  senatorName,
  treatyId,
  stance,
  note,
  sourceUrl,
  statedOn,
  action,
}: {
  senatorId: string;
  senatorName: string;
  treatyId: string;
  stance: string;
  note: string | null;
  sourceUrl: string | null;
  statedOn: string | null;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const id = useId();
  const v = state.values ?? { stance, note: note ?? '', sourceUrl: sourceUrl ?? '', statedOn: statedOn ?? '' };
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const describe = (k: string) => [`${id}-msg`, err(k) ? `${id}-${k}-error` : ''].filter(Boolean).join(' ');
  return (
    <form action={formAction} noValidate className="grid min-w-72 gap-1">
      <input type="hidden" name="senatorId" value={senatorId} />
      <input type="hidden" name="treatyId" value={treatyId} />
      <label htmlFor={`${id}-stance`} className="sr-only">
        Stance of {senatorName}
      </label>
      <select id={`${id}-stance`} name="stance" defaultValue={v.stance} aria-describedby={describe('stance')} className={control(err('stance'))}>
        {Object.entries(STANCE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className="sr-only">
        Note on {senatorName}’s position
      </label>
      <input
        id={`${id}-note`}
        name="note"
        placeholder="Note"
        defaultValue={v.note}
        aria-invalid={err('note') ? true : undefined}
        aria-describedby={describe('note')}
        className={control(err('note'))}
      />
      {err('note') && <span id={`${id}-note-error`} className="text-xs font-medium text-red-700">{err('note')}</span>}
      <label htmlFor={`${id}-source`} className="sr-only">
        Source for {senatorName}’s position
      </label>
      <input
        id={`${id}-source`}
        name="sourceUrl"
        type="url"
        placeholder="Source link (https://…)"
        defaultValue={v.sourceUrl}
        aria-invalid={err('sourceUrl') ? true : undefined}
        aria-describedby={describe('sourceUrl')}
        className={control(err('sourceUrl'))}
      />
      {err('sourceUrl') && <span id={`${id}-sourceUrl-error`} className="text-xs font-medium text-red-700">{err('sourceUrl')}</span>}
      <label htmlFor={`${id}-stated`} className="sr-only">
        Date {senatorName} stated this position
      </label>
      <input
        id={`${id}-stated`}
        name="statedOn"
        type="date"
        title="Date stated (blank: today)"
        defaultValue={v.statedOn}
        aria-invalid={err('statedOn') ? true : undefined}
        aria-describedby={describe('statedOn')}
        className={control(err('statedOn'))}
      />
      {err('statedOn') && <span id={`${id}-statedOn-error`} className="text-xs font-medium text-red-700">{err('statedOn')}</span>}
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 justify-self-start rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        aria-label={pending ? undefined : `Save position of ${senatorName}`}
      >
        {pending ? 'Saving…' : 'Save position'}
      </button>
      <span id={`${id}-msg`} role={state.status === 'error' ? 'alert' : 'status'} className={`text-xs ${state.status === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}>
        {state.status !== 'idle' ? state.message : ''}
      </span>
    </form>
  );
}
