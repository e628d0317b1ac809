import { AppError } from '@/lib/errors';

// OSDI collection queries: `page`, `per_page` and one supported filter, `modified_date gt '…'`
// (OData style, as OSDI 1.x specifies). Anything else is a 400 naming the parameter, never ignored.

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

export type CollectionQuery = { page: number; perPage: number; modifiedSince: string | null };

const bad = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: [message] });

const FILTER = /^modified_date\s+gt\s+'([^']{1,40})'$/;

export function parseCollectionQuery(params: URLSearchParams): CollectionQuery {
  for (const key of params.keys()) {
    if (!['page', 'per_page', 'filter'].includes(key)) throw bad(key, `Unknown query parameter "${key}". Use page, per_page or filter.`);
  }
  const int = (name: string, fallback: number, max: number) => {
    const v = params.get(name);
    if (v === null) return fallback;
    if (!/^\d{1,7}$/.test(v) || Number(v) < 1) throw bad(name, `${name} must be a whole number from 1.`);
    if (Number(v) > max) throw bad(name, `${name} can be at most ${max}.`);
    return Number(v);
  };
  const page = int('page', 1, 1_000_000);
  const perPage = int('per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
  let modifiedSince: string | null = null;
  const filter = params.get('filter');
  if (filter !== null) {
    const m = FILTER.exec(filter.trim());
    if (!m) throw bad('filter', "The only supported filter is modified_date gt 'YYYY-MM-DDTHH:MM:SSZ'.");
    const d = new Date(m[1]);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2200) throw bad('filter', 'The filter date must be an ISO 8601 date, like 2026-01-31T00:00:00Z.');
    modifiedSince = d.toISOString();
  }
  return { page, perPage, modifiedSince };
}

/** The identifier OSDI systems exchange: `ratify:<uuid>`. */
export const osdiId = (uuid: string) => `ratify:${uuid}`;

/** A database timestamp (text or Date) as OSDI's ISO 8601. */
export const iso = (v: string | Date) => new Date(v).toISOString();

/** The fields every OSDI resource of ours starts with: its identifier, origin and dates. */
export function resourceHead(id: string, created: string | Date, modified: string | Date) {
  return { identifiers: [osdiId(id)], origin_system: 'Ratify', created_date: iso(created), modified_date: iso(modified) };
}

/** A HAL collection page with OSDI's paging fields and next/previous links. */
export function collection<T>(
  base: string,
  name: string,
  items: T[],
  total: number,
  q: CollectionQuery,
  extraLinks: Record<string, { href: string }> = {},
) {
  const totalPages = Math.max(1, Math.ceil(total / q.perPage));
  const link = (page: number) => {
    const u = new URL(base);
    u.searchParams.set('page', String(page));
    u.searchParams.set('per_page', String(q.perPage));
    if (q.modifiedSince) u.searchParams.set('filter', `modified_date gt '${q.modifiedSince}'`);
    return { href: u.href };
  };
  return {
    total_pages: totalPages,
    per_page: q.perPage,
    page: q.page,
    total_records: total,
    _links: {
      self: link(q.page),
      ...(q.page < totalPages ? { next: link(q.page + 1) } : {}),
      ...(q.page > 1 ? { previous: link(q.page - 1) } : {}),
      ...extraLinks,
      [`osdi:${name}`]: items.map((i) => ({ href: (i as { _links: { self: { href: string } } })._links.self.href })),
    },
    _embedded: { [`osdi:${name}`]: items },
  };
}

export function halJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/hal+json', 'Cache-Control': 'no-store' } });
}
