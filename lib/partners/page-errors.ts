import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/** For partner pages: an organisation the viewer may not see (or a malformed id) renders the 404 page. */
export function notFoundOnScopeError(e: unknown): never {
  if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION')) notFound();
  throw e;
}
