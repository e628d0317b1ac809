// What a dashboard server action hands back to its form (shared by server actions and client forms).
export type ActionState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

export const idleState: ActionState = { status: 'idle' };
