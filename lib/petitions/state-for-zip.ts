import 'server-only';
import { zipToStates } from '@/lib/geo/zip-to-states';
import { AppError, isAppError } from '@/lib/errors';

/**
 * The state a petition signature is counted under: the ZIP's primary state. The geo module's
 * messages point at a state picker the letter flow has; the petition form has none, so ours differ.
 */
export function stateForZip(zip: string): string {
  try {
    return zipToStates(zip).primary;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const message = `We couldn't find ZIP code ${zip.slice(0, 5)}. Please check it — use the ZIP code where you live and vote.`;
    throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { zip: [message] });
  }
}
