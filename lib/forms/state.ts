// What server actions hand back to their forms. Client-safe (types and constants only): forms
// import these; lib/forms/staff-action.ts and public-action.ts produce them.
import type { AppErrorCode, FieldErrors } from '@/lib/errors';

export type { FieldErrors };

export type ActionState = {
  status: 'idle' | 'ok' | 'error';
  /** The error's code when status is 'error' (INTERNAL: a bug, logged on the server). */
  code?: AppErrorCode | 'INTERNAL';
  message?: string;
  fieldErrors?: FieldErrors;
};

/** A form whose fields come back filled in after an error (what the person typed is kept). */
export type FormState<V = Record<string, string>> = ActionState & { values?: V };

export const idleState: ActionState = { status: 'idle' };
