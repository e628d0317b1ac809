import type { ReactNode } from 'react';

// Labelled controls for GET filter forms (server-rendered, no JS needed).

const control = 'mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm';

export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
  anyLabel = 'Any',
}: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={control}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({
  id,
  label,
  name,
  value,
  type = 'text',
  hint,
  list,
}: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  type?: 'text' | 'search' | 'date';
  hint?: ReactNode;
  list?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={value ?? ''} aria-describedby={hintId} list={list} className={control} />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

export function FilterActions({ resetHref }: { resetHref: string }) {
  return (
    <div className="flex items-end gap-3">
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
        Apply filters
      </button>
      <a href={resetHref} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
        Clear filters
      </a>
    </div>
  );
}

/** Shown when a hand-edited URL carried parameters we could not use. */
export function InvalidFiltersNotice({ invalid }: { invalid: string[] }) {
  if (invalid.length === 0) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      Some filters in the address were not valid and were ignored: {invalid.join(', ')}.
    </p>
  );
}
