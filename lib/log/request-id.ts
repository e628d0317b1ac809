import { headers } from 'next/headers';
import { logger } from './logger';

/** The proxy stamps every request with x-request-id; server code logs with it. */
export async function requestLogger() {
  let requestId: string | undefined;
  try {
    requestId = (await headers()).get('x-request-id') ?? undefined;
  } catch {
    // Outside a request (worker, scripts): no id.
  }
  return requestId ? logger.child({ requestId }) : logger;
}
