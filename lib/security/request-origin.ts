import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the connection itself says about a request, before any header could be forged: the TCP
 * peer's address and the X-Forwarded-For header exactly as it arrived (Next later fills that header
 * with the peer address when it is absent, so by then the two cases look alike).
 */
export type RequestOrigin = {
  peer: string | undefined;
  forwardedFor: string | undefined;
  /** The request failed because the database could not be reached: the server answers 503, not 500. */
  unavailable?: boolean;
};

// lib/cli/server.mjs (the production server) runs every request inside this store; the symbol is
// process-global so the bundled app and the plain-Node server share one instance.
const STORE = Symbol.for('ratify.requestOrigin');

/** The current request's origin, or undefined outside lib/cli/server.mjs (`next dev`, scripts, tests). */
export function requestOrigin(): RequestOrigin | undefined {
  const store = (globalThis as Record<symbol, AsyncLocalStorage<RequestOrigin> | undefined>)[STORE];
  return store?.getStore();
}

/** Mark the current request as failed by a database outage (instrumentation.ts, onRequestError). */
export function markRequestUnavailable(): void {
  const origin = requestOrigin();
  if (origin) origin.unavailable = true;
}
