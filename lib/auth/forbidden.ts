import { forbidden } from 'next/navigation';

// Next 16.4 only allows forbidden() with `experimental.authInterrupts`; it renders the nearest
// forbidden.tsx with HTTP 403. Without the flag forbidden() throws a plain Error (a 500), so we throw
// the same digest it would have thrown: the status is still 403, only the forbidden.tsx UI is missing.
// Once the flag is on, the fallback below is never reached.
const FORBIDDEN_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;403';

export function denyPage(): never {
  try {
    forbidden();
  } catch (e) {
    if ((e as { digest?: unknown })?.digest === FORBIDDEN_DIGEST) throw e;
  }
  throw Object.assign(new Error(FORBIDDEN_DIGEST), { digest: FORBIDDEN_DIGEST });
}
