'use client';

import { useActionState, useId } from 'react';
import { idleState, type ActionState } from '@/lib/forms/state';

/**
 * A one-button form for a row action (approve, hide, retry). A real form posting to a server
 * action: it works before hydration; with JS it shows pending state and the result in a live region.
 */
export function InlineActionForm({
  action,
  fields,
  label,
  pendingLabel,
  accessibleLabel,
  tone = 'default',
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  /** A fuller name for screen readers when the visible label repeats on every row. */
  accessibleLabel?: string;
  tone?: 'default' | 'danger';
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const messageId = useId();
  const colours =
    tone === 'danger'
      ? 'border-red-700 text-red-800 hover:bg-red-50'
      : 'border-brand-700 text-brand-700 hover:bg-brand-50';
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={pending ? undefined : accessibleLabel}
        aria-describedby={messageId}
        className={`min-h-11 min-w-11 rounded-md border bg-white px-3 text-sm font-semibold disabled:opacity-60 ${colours}`}
      >
        {pending ? (pendingLabel ?? 'Working…') : label}
      </button>
      <span
        id={messageId}
        role={state.status === 'error' ? 'alert' : 'status'}
        className={`text-xs ${state.status === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}
      >
        {state.status !== 'idle' ? state.message : ''}
      </span>
    </form>
  );
}
