import 'server-only';
import { env } from '@/lib/env';
import { toJsonResponse } from '@/lib/errors';
import { authenticateApiKey, type ApiCaller } from './authenticate';

/** The API's root URL, for HAL links. */
export const osdiBase = () => `${env().APP_URL.replace(/\/$/, '')}/api/osdi/v1`;

/**
 * Every OSDI route: the key first (401/403/429), then the handler; any error in the one JSON shape
 * (lib/errors.ts), never a bare 500 for bad input.
 */
export function osdiRoute<C = { params: Promise<Record<string, string>> }>(handler: (req: Request, caller: ApiCaller, ctx: C) => Promise<Response>, { write = false } = {}) {
  return async (req: Request, ctx?: C): Promise<Response> => {
    try {
      const caller = await authenticateApiKey(req.headers, { write });
      return await handler(req, caller, ctx as C);
    } catch (e) {
      return toJsonResponse(e, { log: 'OSDI request failed', context: { path: new URL(req.url).pathname } });
    }
  };
}
