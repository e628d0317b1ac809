import type { Instrumentation } from 'next';
import { isUnavailableError } from './lib/errors';
import { markRequestUnavailable } from './lib/security/request-origin';

// Runs once when a server process starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootApp } = await import('./lib/boot/boot');
  await bootApp();
}

// Next answers 500 for any error while rendering a page. One caused by a database outage (a
// restart, a failover) is marked here, synchronously, before the answer's head is written, so
// lib/cli/server.mjs sends 503 with Retry-After instead (tests/faults: database restart).
export const onRequestError: Instrumentation.onRequestError = (err) => {
  if (isUnavailableError(err)) markRequestUnavailable();
};
