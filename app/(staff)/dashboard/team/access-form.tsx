'use client';

import { useActionState, useId } from 'react';
import { idleState, type ActionState } from '@/lib/forms/state';
import { Button } from '@/components/ui/button';
import { restoreStaffAction, revokeStaffAction } from './actions';

/** Revoke or restore one colleague's access (see role-form.tsx on naming the person). */
export function AccessForm({ userId, revoked, describedBy }: { userId: string; revoked: boolean; describedBy: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(revoked ? restoreStaffAction : revokeStaffAction, idleState);
  const messageId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Button
        variant={revoked ? 'secondary' : 'danger'}
        pendingLabel={revoked ? 'Restoring…' : 'Revoking…'}
        aria-describedby={`${describedBy} ${messageId}`}
      >
        {revoked ? 'Restore access' : 'Revoke access'}
      </Button>
      <span
        id={messageId}
        role={state.status === 'error' ? 'alert' : 'status'}
        className={`text-xs ${state.status === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}
      >
        {state.status === 'error' ? state.message : ''}
      </span>
    </form>
  );
}
