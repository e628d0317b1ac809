import { z } from 'zod';

// No `server-only`: the page parses its search params with it.

import { isoDay, optionalParam } from '@/lib/forms/query-params';

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 90;

export const GetCampaignAnalyticsInput = z
  .object({
    /** A campaign slug or id; the newest live campaign when absent. */
    campaign: optionalParam(z.string().trim().max(200)),
    /** First day shown (UTC, `YYYY-MM-DD`). */
    from: optionalParam(isoDay()),
    /** Last day shown, inclusive (UTC). Today by default. */
    to: optionalParam(isoDay()),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must be before the end date.', path: ['from'] });
export type GetCampaignAnalyticsInput = z.input<typeof GetCampaignAnalyticsInput>;
