import { z } from 'zod';
import { OptInPartnersField, RefField } from '@/lib/consents/schemas';
import {
  CheckboxField,
  EmailField,
  FirstNameField,
  LastNameField,
  ZipField,
  optionalTextField,
} from '@/lib/supporters/schemas';

export const COMMENT_MAX = 1000;

/**
 * Where a visitor came from (`?source=`): a short slug, or `embed:<host>` for a partner's embedded
 * widget, or nothing. Anything else is dropped, not refused.
 */
export const SourceField = z.preprocess((v) => {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9_.-]{0,39}$/.test(s) || /^embed:[a-z0-9][a-z0-9.-]{0,63}$/.test(s) ? s : undefined;
}, z.string().optional());

export const SignPetitionInput = z.object({
  campaignSlug: z.string().trim().min(1).max(200),
  firstName: FirstNameField,
  lastName: LastNameField,
  email: EmailField,
  zip: ZipField,
  comment: optionalTextField('comment', COMMENT_MAX),
  /** The host's opt-in box. */
  optIn: CheckboxField,
  optInPartners: OptInPartnersField,
  source: SourceField,
  ref: RefField,
});
export type SignPetitionInput = z.input<typeof SignPetitionInput>;
export type SignPetitionData = z.output<typeof SignPetitionInput>;
