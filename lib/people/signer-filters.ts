import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { signatures, supporters } from '@/db/schema';
import { COMMENT_STATUSES } from '@/db/schema/enum-values';
import { defaultedParam, isoDay, optionalParam, pageParam, pageSizeParam, parseLenient, type ParamsLike } from '@/lib/forms/query-params';

// No `server-only`: pure schema + SQL builder, shared with exports/analytics and their CLIs (tsx).
// Every filter arrives as a GET query parameter, so empty strings mean "not set".

const opt = optionalParam;
const YesNo = z.enum(['yes', 'no']);

export const SIGNER_SORTS = ['signed_at', 'last_name', 'state'] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const SignerFilters = z.object({
  campaignId: opt(z.uuid('Choose a campaign from the list.')),
  state: opt(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter state code.')),
  verified: opt(YesNo),
  /** Opted in to updates and not unsubscribed since. */
  optedIn: opt(YesNo),
  source: opt(z.string().trim().max(100)),
  /** Signed on or after this day (UTC), `YYYY-MM-DD`. */
  from: opt(isoDay()),
  /** Signed on or before this day (UTC, inclusive), `YYYY-MM-DD`. */
  to: opt(isoDay()),
  /** Name or email, matched as a substring; `%` and `_` are literal. */
  q: opt(z.string().trim().max(200)),
  /** The moderation queue is `comment=pending`. */
  comment: opt(z.enum(COMMENT_STATUSES)),
  sort: defaultedParam(z.enum(SIGNER_SORTS).default('signed_at')),
  dir: defaultedParam(z.enum(['asc', 'desc']).default('desc')),
  page: pageParam,
  pageSize: pageSizeParam(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});
export type SignerFilters = z.output<typeof SignerFilters>;
export type SignerFiltersInput = z.input<typeof SignerFilters>;

/**
 * Parse query parameters leniently: a malformed parameter is dropped (and named in `invalid`)
 * rather than failing the page, so a hand-edited URL still shows a sensible list.
 */
export function parseSignerFilters(params: ParamsLike): { filters: SignerFilters; invalid: string[] } {
  return parseLenient(SignerFilters, params);
}

/** Escape LIKE wildcards so user text matches literally (used with `ESCAPE '\'`, the default). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * The WHERE condition for signers, over the `signatures` and `supporters` tables joined on
 * `signatures.supporter_id = supporters.id` (use the Drizzle tables, not aliases: column
 * references render as "signatures"."…" and "supporters"."…"). Paging and sort are not included.
 */
export function buildSignerWhere(filters: SignerFilters): SQL {
  const conditions: (SQL | undefined)[] = [];
  if (filters.campaignId) conditions.push(eq(signatures.campaignId, filters.campaignId));
  if (filters.state) conditions.push(eq(signatures.state, filters.state));
  if (filters.verified) {
    conditions.push(filters.verified === 'yes' ? isNotNull(signatures.verifiedAt) : isNull(signatures.verifiedAt));
  }
  if (filters.optedIn) {
    // Unsubscribing withdraws consent for every campaign the person signed.
    const consented = and(eq(signatures.optedIn, true), isNull(supporters.unsubscribedAt))!;
    conditions.push(filters.optedIn === 'yes' ? consented : not(consented));
  }
  if (filters.source) conditions.push(eq(signatures.source, filters.source));
  if (filters.comment) conditions.push(eq(signatures.commentStatus, filters.comment));
  if (filters.from) conditions.push(gte(signatures.createdAt, dayStart(filters.from)));
  if (filters.to) {
    const end = dayStart(filters.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(signatures.createdAt, end));
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(
      or(
        ilike(supporters.email, pattern),
        // The signature's own record: the name shown in the row is the one searched.
        ilike(signatures.firstName, pattern),
        ilike(signatures.lastName, pattern),
        sql`(${signatures.firstName} || ' ' || ${signatures.lastName}) ilike ${pattern}`,
      ),
    );
  }
  return and(...conditions) ?? sql`true`;
}

/** ORDER BY for the chosen sort, with a stable tie-breaker so pages never overlap. */
export function buildSignerOrderBy(filters: Pick<SignerFilters, 'sort' | 'dir'>): SQL[] {
  const dir = filters.dir === 'asc' ? asc : desc;
  switch (filters.sort) {
    case 'last_name':
      return [dir(signatures.lastName), dir(signatures.firstName), dir(signatures.createdAt), asc(signatures.id)];
    case 'state':
      return [dir(signatures.state), dir(signatures.createdAt), asc(signatures.id)];
    default:
      return [dir(signatures.createdAt), asc(signatures.id)];
  }
}

/** The filters as query parameters (defaults omitted), for links that keep the current view. */
export function signerFiltersToParams(filters: Partial<SignerFilters>, overrides: Partial<SignerFilters> = {}): URLSearchParams {
  const merged = { ...filters, ...overrides };
  const defaults: Partial<Record<keyof SignerFilters, unknown>> = {
    sort: 'signed_at', dir: 'desc', page: 1, pageSize: DEFAULT_PAGE_SIZE,
  };
  const params = new URLSearchParams();
  for (const key of Object.keys(SignerFilters.shape) as (keyof SignerFilters)[]) {
    const value = merged[key];
    if (value === undefined || value === null || value === '' || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  return params;
}
