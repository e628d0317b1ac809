'use client';

import { useId } from 'react';
import { US_STATES } from '@/lib/geo/us-states';

type Props = {
  action: string;
  label: string;
  source?: string;
  defaultState?: string;
  error?: string;
  /** With JS: answer in place instead of loading a page. */
  onPick?: (state: string) => void;
};

/** "Not your state?": a GET form with every state, DC and territory; works without JS. */
export function StatePicker({ action, label, source, defaultState, error, onPick }: Props) {
  const id = useId();
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        if (!onPick) return;
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('state');
        if (typeof value === 'string' && value) onPick(value);
      }}
    >
      {source && <input type="hidden" name="source" value={source} />}
      <div>
        <label htmlFor={`${id}-state`} className="block text-sm font-medium">
          {label}
        </label>
        <select
          id={`${id}-state`}
          name="state"
          defaultValue={defaultState ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`mt-1 min-h-11 rounded-md border bg-white px-3 py-2 ${error ? 'border-red-700' : 'border-slate-500'}`}
        >
          <option value="" disabled>
            Choose a state
          </option>
          {US_STATES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="min-h-11 rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
      >
        Show senators
      </button>
      {error && (
        <p id={`${id}-error`} className="w-full text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
