import { z } from 'zod';

// Client-safe fields every supporter action carries for the per-organisation opt-ins.

const SHORT_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** `?ref=<partner short code>`: a well-formed code, or nothing (an unknown or malformed one is dropped, not refused). */
export const RefField = z.preprocess((v) => {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return SHORT_CODE.test(s) ? s : undefined;
}, z.string().optional());

/**
 * The partner boxes ticked: their short codes (form: repeated `optInPartner`; JSON: an array).
 * Only the campaign's own active co-sponsors count; the service ignores any other code.
 */
export const OptInPartnersField = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v),
  z
    .array(z.string().trim().toLowerCase().regex(SHORT_CODE, 'Unknown organisation.'), { error: 'List the organisations’ short codes.' })
    .max(30, 'Too many organisations.')
    .transform((a) => [...new Set(a)]),
)
  .optional()
  .transform((a) => a ?? []);
