import { z } from 'zod';
import { OptionalHttpUrl, orNull } from '@/lib/treaties/schemas';

// Client-safe: the partner form imports the limits; actions and services parse with these.

/** The short code in `?ref=<code>` links: lower-case letters, digits and dashes. */
export const ShortCodeField = z
  .string({ error: 'Enter a short code.' })
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters.')
  .max(40, 'Keep the short code under 40 characters.')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes, like amnesty-us.');

export const OPT_IN_TEXT_MAX = 300;

/** The words of the opt-in box when an organisation has not written its own. */
export const defaultOptInText = (name: string) => `Keep me updated about this campaign by email from ${name}.`;

export const PartnerFields = z.object({
  name: z.string({ error: 'Enter the organisation’s name.' }).trim().min(2, 'Enter the organisation’s name.').max(120, 'Keep the name under 120 characters.'),
  slug: ShortCodeField,
  website: OptionalHttpUrl,
  logoUrl: OptionalHttpUrl,
  privacyPolicyUrl: OptionalHttpUrl,
  contactEmail: orNull(z.string().trim().toLowerCase().pipe(z.email('Enter an email address, or leave it empty.').max(254, 'That address is too long.'))),
  optInText: orNull(
    z
      .string()
      .trim()
      .max(OPT_IN_TEXT_MAX, `Keep the opt-in wording under ${OPT_IN_TEXT_MAX} characters.`)
      .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), 'The opt-in wording must be one line.'),
  ),
});

export const CreatePartnerInput = PartnerFields;
export type CreatePartnerInput = z.input<typeof CreatePartnerInput>;

export const UpdatePartnerInput = PartnerFields.extend({ id: z.uuid('Unknown organisation.') });
export type UpdatePartnerInput = z.input<typeof UpdatePartnerInput>;

export const RetirePartnerInput = z.object({ id: z.uuid('Unknown organisation.'), retire: z.enum(['retire', 'restore']) });
export type RetirePartnerInput = z.input<typeof RetirePartnerInput>;

export const PARTNER_FIELDS = ['name', 'slug', 'website', 'logoUrl', 'privacyPolicyUrl', 'contactEmail', 'optInText'] as const;
