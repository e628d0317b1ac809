'use client';

import { useActionState, useId } from 'react';
import { idleState, type ActionState } from '@/lib/forms/state';
import { Button } from '@/components/ui/button';
import { updateStaffRoleAction } from './actions';

// Row controls name the person through aria-describedby (the row's email cell), not in their label:
// a label naming them would also become part of other cells' accessible names.

/** Change one colleague's role: a select and a button, the outcome in a live region. */
export function RoleForm({
  userId,
  role,
  describedBy,
  options,
}: {
  userId: string;
  role: string;
  /** Id of the element naming the person (their email cell). */
  describedBy: string;
  options: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(updateStaffRoleAction, idleState);
  const selectId = useId();
  const messageId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Access level
        </label>
        <select
          id={selectId}
          name="role"
          defaultValue={role}
          aria-describedby={`${describedBy} ${messageId}`}
          className="min-h-11 rounded-md border border-slate-500 bg-white px-2"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <Button variant="secondary" pendingLabel="Saving…" aria-describedby={`${describedBy} ${messageId}`}>
          Update
        </Button>
      </div>
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
