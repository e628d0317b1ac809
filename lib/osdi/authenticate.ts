import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import type { ApiKeyScope, OrganisationKind } from '@/db/schema/enum-values';
import { AppError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { rateLimited } from '@/lib/security/public-limits';
import { hashToken } from '@/lib/security/tokens';

export const OSDI_TOKEN_HEADER = 'OSDI-API-Token';
export const OSDI_RATE_LIMIT = { limit: 120, windowSeconds: 60 };

export type ApiCaller = { keyId: string; prefix: string; organisationId: string; organisationKind: OrganisationKind; organisationSlug: string; scope: ApiKeyScope };

/**
 * The key behind the request's `OSDI-API-Token` header: an active key of an active organisation,
 * rate-limited per key; its last-used time is stamped at most once a minute. 401 otherwise.
 */
export async function authenticateApiKey(headers: Pick<Headers, 'get'>, { write = false } = {}): Promise<ApiCaller> {
  const raw = headers.get(OSDI_TOKEN_HEADER)?.trim() ?? '';
  if (!/^rat_[A-Za-z0-9_-]{43}$/.test(raw)) throw new AppError('UNAUTHORIZED', `Send a valid API key in the ${OSDI_TOKEN_HEADER} header.`);
  const db = getDb();
  const [row] = await queryRows<{ id: string; prefix: string; organisation_id: string; kind: OrganisationKind; slug: string; scope: ApiKeyScope }>(
    db,
    sql`update api_keys k set last_used_at = case when k.last_used_at is null or k.last_used_at < now() - interval '1 minute' then now() else k.last_used_at end
        from organisations o
        where k.key_hash = ${hashToken(raw)} and k.revoked_at is null and o.id = k.organisation_id and o.retired_at is null
        returning k.id, k.prefix, k.organisation_id, o.kind, o.slug, k.scope`,
  );
  if (!row) throw new AppError('UNAUTHORIZED', 'This API key is not valid or has been revoked.');
  const limit = await consumeRateLimit(`osdi:key:${row.id}`, OSDI_RATE_LIMIT);
  if (!limit.ok) throw rateLimited(limit.retryAfterSeconds);
  if (write && row.scope !== 'read_write') throw new AppError('FORBIDDEN', 'This API key is read-only.');
  return { keyId: row.id, prefix: row.prefix, organisationId: row.organisation_id, organisationKind: row.kind, organisationSlug: row.slug, scope: row.scope };
}
