import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { letters, senators } from '@/db/schema';

// GET query parameters for the letters ledger; empty strings mean "not set".
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const LETTER_STATUSES = ['pending_confirmation', 'queued', 'sent', 'self_send', 'failed'] as const;
export const LETTER_CHANNELS = ['office_email', 'coalition_inbox', 'supporter'] as const;

export const LedgerFilters = z.object({
  campaignId: opt(z.uuid('Choose a campaign from the list.')),
  status: opt(z.enum(LETTER_STATUSES)),
  channel: opt(z.enum(LETTER_CHANNELS)),
  senatorId: opt(z.string().trim().regex(/^[A-Z][0-9]{6}$/, 'Choose a senator from the list.')),
  /** The senator's state. */
  state: opt(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter state code.')),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(25)),
});
export type LedgerFilters = z.output<typeof LedgerFilters>;
export type LedgerFiltersInput = z.input<typeof LedgerFilters>;

type ParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** Lenient parse of query parameters: malformed ones are dropped and named in `invalid`. */
export function parseLedgerFilters(params: ParamsLike): { filters: LedgerFilters; invalid: string[] } {
  const record: Record<string, string> = {};
  for (const key of Object.keys(LedgerFilters.shape)) {
    const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string') record[key] = value;
  }
  const first = LedgerFilters.safeParse(record);
  if (first.success) return { filters: first.data, invalid: [] };
  const invalid = [...new Set(first.error.issues.map((i) => String(i.path[0])))];
  for (const key of invalid) delete record[key];
  return { filters: LedgerFilters.parse(record), invalid };
}

/** Over `letters` joined to `senators` on `letters.senator_id = senators.bioguide_id`. */
export function buildLedgerWhere(f: LedgerFilters): SQL {
  return (
    and(
      f.campaignId ? eq(letters.campaignId, f.campaignId) : undefined,
      f.status ? eq(letters.status, f.status) : undefined,
      f.channel ? eq(letters.channel, f.channel) : undefined,
      f.senatorId ? eq(letters.senatorId, f.senatorId) : undefined,
      f.state ? eq(senators.state, f.state) : undefined,
    ) ?? sql`true`
  );
}
