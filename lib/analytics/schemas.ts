import { z } from 'zod';

// No `server-only`: the page parses its search params with it.

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 90;

export const GetCampaignAnalyticsInput = z
  .object({
    /** A campaign slug or id; the newest live campaign when absent. */
    campaign: z.preprocess(blank, z.string().trim().max(200).optional()),
    /** First day shown (UTC, `YYYY-MM-DD`). */
    from: z.preprocess(blank, z.iso.date('Use a date like 2025-01-31.').optional()),
    /** Last day shown, inclusive (UTC). Today by default. */
    to: z.preprocess(blank, z.iso.date('Use a date like 2025-01-31.').optional()),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must be before the end date.', path: ['from'] });
export type GetCampaignAnalyticsInput = z.input<typeof GetCampaignAnalyticsInput>;
