import { z, type ZodObject, type ZodRawShape } from 'zod';

// GET query parameters for staff lists (people, letters, audit, analytics): empty strings mean
// "not set", and a malformed parameter is dropped rather than failing the page, so a hand-edited
// URL still shows a sensible list. Client-safe (the filter forms import the same schemas).

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** An optional query parameter: empty or absent → undefined. */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** A parameter with a default when empty or absent. */
export const defaultedParam = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema);

export { isoDay } from './fields';

/** `page` and `pageSize`: whole numbers within bounds (an absurd page number is dropped, not a 500). */
export const pageParam = defaultedParam(z.coerce.number().int().min(1).max(100_000).default(1));
export const pageSizeParam = (max: number, fallback: number) => defaultedParam(z.coerce.number().int().min(1).max(max).default(fallback));

export type ParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** The schema's keys, read from search params (first value of a repeated one). */
export function paramsRecord(keys: readonly string[], params: ParamsLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Parse leniently: malformed parameters are dropped and named in `invalid`. */
export function parseLenient<S extends ZodObject<ZodRawShape>>(schema: S, params: ParamsLike): { filters: z.output<S>; invalid: string[] } {
  const record = paramsRecord(Object.keys(schema.shape), params);
  const first = schema.safeParse(record);
  if (first.success) return { filters: first.data, invalid: [] };
  const invalid = [...new Set(first.error.issues.map((i) => String(i.path[0])))];
  for (const key of invalid) delete record[key];
  const second = schema.safeParse(record);
  // A refinement across fields (e.g. from after to) can still fail: fall back to the defaults.
  return { filters: second.success ? second.data : schema.parse({}), invalid };
}

/**
 * The URL of one page of a filtered list: the filters that are set and the page number, leaving out
 * what the list assumes anyway (page 1, its default page size), so links stay short and shareable.
 */
export function listPageHref(path: string, filters: Record<string, unknown>, page: number, defaultPageSize: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) {
    if (value === undefined || value === null || (key === 'page' && value === 1) || (key === 'pageSize' && value === defaultPageSize)) continue;
    params.set(key, String(value));
  }
  return `${path}?${params}`;
}
