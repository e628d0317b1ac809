import { z } from 'zod';
import { SignerFilters } from '@/lib/people/signer-filters';

// No `server-only`: the route, the page and the tests share these.

export const EXPORT_PRESETS = ['crm', 'delivery'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

export const PRESET_LABELS: Record<ExportPreset, string> = {
  crm: 'CRM (names, email, ZIP, state, verified, opted in, source, signed at)',
  delivery: 'Delivery (full name, city, state; no email addresses)',
};

/** The people-table filters that make sense for a file (no sort or paging), plus the preset. */
export const ExportSignersInput = SignerFilters.pick({
  campaignId: true,
  state: true,
  verified: true,
  optedIn: true,
  source: true,
  from: true,
  to: true,
  q: true,
  comment: true,
}).extend({
  preset: z.enum(EXPORT_PRESETS, 'Choose the CRM or the delivery preset.'),
});
export type ExportSignersInput = z.input<typeof ExportSignersInput>;
export type ExportSignersData = z.output<typeof ExportSignersInput>;
export type ExportFilters = Omit<ExportSignersData, 'preset'>;

export const EXPORT_FILTER_KEYS = Object.keys(ExportSignersInput.shape).filter((k) => k !== 'preset') as (keyof ExportFilters)[];

/** Query parameters → raw input record (first value of each known key). */
export function exportInputFromParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...EXPORT_FILTER_KEYS, 'preset']) {
    const value = params.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}
