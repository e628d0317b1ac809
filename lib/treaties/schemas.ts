import { z } from 'zod';

// Client-safe: the forms import the stage list; actions and services parse with these.

import { TREATY_STAGES } from '@/db/schema/enum-values';
import { isoDay, versionStamp } from '@/lib/forms/fields';

export { TREATY_STAGES };
export type { TreatyStageValue } from '@/db/schema/enum-values';

const blankToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);
/** An optional form field: absent, null or blank all mean "none" (stored as null). */
export function orNull<T extends z.ZodType>(schema: T) {
  return z
    .preprocess(blankToNull, schema.nullable())
    .optional()
    .transform((v) => v ?? null);
}
const optionalText = (max: number, what: string) => orNull(z.string().trim().max(max, `Keep the ${what} under ${max} characters.`));
// Treaties can be old: any date from 1700 on.
const TREATY_YEARS = { minYear: 1700, maxYear: 2200 };
const optionalDate = orNull(isoDay('Enter a date as YYYY-MM-DD.', TREATY_YEARS));
const optionalCount = orNull(
  z.coerce.number({ error: 'Enter a whole number.' }).int('Enter a whole number.').min(0, 'Enter 0 or more.').max(1000, 'That is more countries than exist.'),
);
/** Only http(s) links: the public page renders these. */
export const OptionalHttpUrl = orNull(
  z
    .string()
    .trim()
    .max(2000, 'That address is too long.')
    .refine((s) => {
      try {
        return ['http:', 'https:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    }, 'Enter a web address starting with https://.'),
);

export const UpdateTreatyInput = z.object({
  id: z.uuid('Unknown treaty.'),
  expectedUpdatedAt: versionStamp,
  name: z.string({ error: 'Enter the treaty’s full name.' }).trim().min(3, 'Enter the treaty’s full name.').max(400, 'Keep the name under 400 characters.'),
  shortName: z.string({ error: 'Enter a short name.' }).trim().min(2, 'Enter a short name.').max(120, 'Keep the short name under 120 characters.'),
  summary: optionalText(2000, 'summary'),
  adoptedOn: optionalDate,
  usSignedOn: optionalDate,
  signatoriesCount: optionalCount,
  statesPartiesCount: optionalCount,
  countsAsOf: optionalDate,
  countsSource: optionalText(300, 'source'),
  senateTreatyDoc: optionalText(100, 'treaty document number'),
}).superRefine((v, ctx) => {
  // Counts without a date would be presented as current: require the as-of date with them.
  if ((v.signatoriesCount !== null || v.statesPartiesCount !== null) && !v.countsAsOf) {
    ctx.addIssue({ code: 'custom', path: ['countsAsOf'], message: 'Give the date these counts were true.' });
  }
});
export type UpdateTreatyInput = z.input<typeof UpdateTreatyInput>;
export const TREATY_FACT_KEYS = [
  'name', 'shortName', 'summary', 'adoptedOn', 'usSignedOn', 'signatoriesCount', 'statesPartiesCount', 'countsAsOf', 'countsSource', 'senateTreatyDoc',
] as const;

export const AddTreatyStageEventInput = z.object({
  treatyId: z.uuid('Unknown treaty.'),
  stage: z.enum(TREATY_STAGES, 'Choose a stage.'),
  occurredOn: isoDay('Enter the date as YYYY-MM-DD.', TREATY_YEARS),
  note: optionalText(1000, 'note'),
  sourceTitle: optionalText(300, 'source title'),
  sourceUrl: OptionalHttpUrl,
});
export type AddTreatyStageEventInput = z.input<typeof AddTreatyStageEventInput>;

const TreatySlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters.')
  .max(60, 'Keep it under 60 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens.');

/** A new treaty: its names, first dates and the step it has reached (as its first stage event). */
export const CreateTreatyInput = z.object({
  name: z.string({ error: 'Enter the treaty’s full name.' }).trim().min(3, 'Enter the treaty’s full name.').max(400, 'Keep the name under 400 characters.'),
  shortName: z.string({ error: 'Enter a short name.' }).trim().min(2, 'Enter a short name.').max(120, 'Keep the short name under 120 characters.'),
  slug: z.preprocess(blankToNull, TreatySlug.nullable()).optional().transform((v) => v ?? null),
  summary: optionalText(2000, 'summary'),
  adoptedOn: optionalDate,
  usSignedOn: optionalDate,
  senateTreatyDoc: optionalText(100, 'treaty document number'),
  stage: z.enum(TREATY_STAGES, 'Choose the stage the treaty has reached.'),
  stageOn: isoDay('Enter the date it reached that stage, as YYYY-MM-DD.', TREATY_YEARS),
  stageSourceTitle: optionalText(300, 'source title'),
  stageSourceUrl: OptionalHttpUrl,
});
export type CreateTreatyInput = z.input<typeof CreateTreatyInput>;

export const GetTreatyInput = z.object({ id: z.uuid('Unknown treaty.') });
export type GetTreatyInput = z.input<typeof GetTreatyInput>;
