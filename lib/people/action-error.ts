import 'server-only';
import type { ActionState } from '@/lib/forms/state';
import { isAppError } from '@/lib/errors';
import { requestLogger } from '@/lib/log/request-id';

/** Map a thrown error to form state: AppErrors say what went wrong; anything else is logged. */
export async function actionErrorState(e: unknown): Promise<ActionState> {
  if (isAppError(e)) return { status: 'error', message: e.message, fieldErrors: e.fieldErrors };
  (await requestLogger()).error({ err: e }, 'dashboard action failed');
  return { status: 'error', message: 'Something went wrong. Please try again.' };
}
