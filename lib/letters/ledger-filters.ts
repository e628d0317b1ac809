import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { letters, senators } from '@/db/schema';

import { LETTER_CHANNELS, LETTER_STATUSES } from '@/db/schema/enum-values';
import { optionalParam as opt, pageParam, pageSizeParam, parseLenient, type ParamsLike } from '@/lib/forms/query-params';

// GET query parameters for the letters ledger.
export { LETTER_CHANNELS, LETTER_STATUSES };

export const LedgerFilters = z.object({
  campaignId: opt(z.uuid('Choose a campaign from the list.')),
  status: opt(z.enum(LETTER_STATUSES)),
  channel: opt(z.enum(LETTER_CHANNELS)),
  senatorId: opt(z.string().trim().regex(/^[A-Z][0-9]{6}$/, 'Choose a senator from the list.')),
  /** The senator's state. */
  state: opt(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter state code.')),
  page: pageParam,
  pageSize: pageSizeParam(100, 25),
});
export type LedgerFilters = z.output<typeof LedgerFilters>;
export type LedgerFiltersInput = z.input<typeof LedgerFilters>;

/** Lenient parse of query parameters: malformed ones are dropped and named in `invalid`. */
export function parseLedgerFilters(params: ParamsLike): { filters: LedgerFilters; invalid: string[] } {
  return parseLenient(LedgerFilters, params);
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
