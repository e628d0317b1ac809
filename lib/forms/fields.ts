import { z } from 'zod';

// Field schemas every form shares. Client-safe.

// Postgres has no year 0 and JavaScript dates run past what Postgres stores: a year like 0000 or
// 99999 must be refused with a field message here, never reach the database as a 500.
const DEFAULT_MIN_YEAR = 1900;
const DEFAULT_MAX_YEAR = 2200;

/** A calendar day `YYYY-MM-DD` within [minYear, maxYear]. */
export const isoDay = (message = 'Use a date like 2025-01-31.', { minYear = DEFAULT_MIN_YEAR, maxYear = DEFAULT_MAX_YEAR } = {}) =>
  z.iso.date(message).refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= minYear && year <= maxYear;
  }, `Use a date between ${minYear} and ${maxYear}.`);

/** The `updated_at` a form was rendered with (optimistic concurrency): a real, recent timestamp or a reload. */
export const versionStamp = z.coerce
  .date({ error: 'Reload the page and try again.' })
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2200, 'Reload the page and try again.');

/** The `updated_at` a save writes: now, but always later than the last (the version stamp must change). */
export function nextVersion(before: { updatedAt: Date }): Date {
  return new Date(Math.max(Date.now(), before.updatedAt.getTime() + 1));
}
