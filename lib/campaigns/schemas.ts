import { z } from 'zod';
import { versionStamp } from '@/lib/forms/fields';
import { LETTER_BODY_MAX, LETTER_SUBJECT_MAX } from '@/lib/letters/letter-draft';
import { validateTemplate } from '@/lib/letters/merge-template';

// Client-safe: the editor imports the option lists and limits; actions and services parse with these.

import { DELIVERY_MODES, SIGNER_VISIBILITIES } from '@/db/schema/enum-values';

export { CAMPAIGN_STATUSES, DELIVERY_MODES, SIGNER_VISIBILITIES } from '@/db/schema/enum-values';
export type { CampaignStatus, DeliveryMode } from '@/db/schema/enum-values';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 80;
export const TITLE_MAX = 160;
export const SUMMARY_MAX = 500;
export const STORY_MAX = 50_000;
export const RESULT_NOTE_MAX = 2_000;
export const GOAL_MAX = 100_000_000;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** An HTML checkbox: "on" when ticked, absent when not; JSON callers and tests send booleans. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const CampaignSlug = z
  .string({ error: 'Enter a web address for the campaign.' })
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, `Use at least ${SLUG_MIN} characters.`)
  .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
  .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, like ratify-the-protocol.');

const title = z
  .string({ error: 'Enter a title.' })
  .trim()
  .min(3, 'Enter a title of at least 3 characters.')
  .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`);
const id = z.uuid('Unknown campaign.');
const treatyId = z.uuid('Choose a treaty.');
/** The `updated_at` the form was rendered with: a save based on an older version is refused. */
const expectedUpdatedAt = versionStamp;

/** Every `{{field}}` must be one we can fill, and braces must pair up. */
export function template(max: number, what: string) {
  return z
    .string()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .superRefine((value, ctx) => {
      const { unknownFields, malformed } = validateTemplate(value);
      if (unknownFields.length) {
        const list = unknownFields.map((f) => `{{${f}}}`).join(', ');
        ctx.addIssue({ code: 'custom', message: `Unknown merge field${unknownFields.length > 1 ? 's' : ''}: ${list}.` });
      }
      if (malformed) ctx.addIssue({ code: 'custom', message: 'A {{ or }} has no partner: check the braces.' });
    });
}

/** A slug derived from a title: "Ratify the OPSC now!" → "ratify-the-opsc-now". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
  return slug.length >= SLUG_MIN ? slug : '';
}

export const CreateCampaignInput = z
  .object({
    title,
    // Optional: derived from the title when left empty.
    slug: z.preprocess(blankToUndefined, CampaignSlug.optional()),
    treatyId,
  })
  .transform((v, ctx) => {
    const slug = v.slug ?? slugify(v.title);
    if (!slug) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Enter a web address: the title has too few letters to make one.' });
      return z.NEVER;
    }
    return { ...v, slug };
  });
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;

/** Everything the editor saves; status changes go through publish, unpublish and close. */
export const CampaignContentFields = z.object({
  title,
  slug: CampaignSlug,
  summary: z.string().trim().max(SUMMARY_MAX, `Keep the summary under ${SUMMARY_MAX} characters.`).default(''),
  storyMd: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(STORY_MAX, `Keep the story under ${STORY_MAX.toLocaleString('en-US')} characters.`))
    .default(''),
  treatyId,
  petitionGoal: z.coerce
    .number({ error: 'Enter the number of signatures you aim for.' })
    .int('Enter a whole number.')
    .min(1, 'The goal must be at least 1.')
    .max(GOAL_MAX, 'That goal is too large.'),
  goalAutoStep: checkbox,
  signerVisibility: z.enum(SIGNER_VISIBILITIES, 'Choose what the page shows of signers.'),
  commentModeration: checkbox,
  letterSubjectTemplate: template(LETTER_SUBJECT_MAX, 'subject').refine((s) => !/[\r\n]/.test(s), 'The subject must be a single line.'),
  letterBodyTemplate: template(LETTER_BODY_MAX, 'letter'),
  requirePersonalSentence: checkbox,
  deliveryMode: z.enum(DELIVERY_MODES, 'Choose where letters go.'),
});
export type CampaignContent = z.output<typeof CampaignContentFields>;
export const CAMPAIGN_CONTENT_KEYS = Object.keys(CampaignContentFields.shape) as (keyof CampaignContent)[];
/** The content fields that are checkboxes (read as 'on' or '' from a form). */
export const CAMPAIGN_CHECKBOX_KEYS = CAMPAIGN_CONTENT_KEYS.filter(
  (k) => (CampaignContentFields.shape as Record<string, unknown>)[k] === checkbox,
);

export const UpdateCampaignInput = CampaignContentFields.extend({ id, expectedUpdatedAt });
export type UpdateCampaignInput = z.input<typeof UpdateCampaignInput>;

export const PublishCampaignInput = z.object({ id, expectedUpdatedAt });
export type PublishCampaignInput = z.input<typeof PublishCampaignInput>;

export const UnpublishCampaignInput = z.object({ id, expectedUpdatedAt });
export type UnpublishCampaignInput = z.input<typeof UnpublishCampaignInput>;

export const CloseCampaignInput = z.object({
  id,
  expectedUpdatedAt,
  resultNote: z
    .string({ error: 'Say how the campaign ended: supporters read this on the page.' })
    .trim()
    .min(1, 'Say how the campaign ended: supporters read this on the page.')
    .max(RESULT_NOTE_MAX, `Keep the result note under ${RESULT_NOTE_MAX.toLocaleString('en-US')} characters.`),
});
export type CloseCampaignInput = z.input<typeof CloseCampaignInput>;

export const ArchiveCampaignInput = z.object({
  id,
  expectedUpdatedAt,
  /** false restores an archived campaign. */
  archived: z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'on', z.boolean()).default(true),
});
export type ArchiveCampaignInput = z.input<typeof ArchiveCampaignInput>;

export const DuplicateCampaignInput = z.object({ id });
export type DuplicateCampaignInput = z.input<typeof DuplicateCampaignInput>;

export const GetStaffCampaignInput = z.object({ id });
export type GetStaffCampaignInput = z.input<typeof GetStaffCampaignInput>;

export const ListStaffCampaignsInput = z.object({
  archived: z.preprocess((v) => v === true || v === '1' || v === 'true', z.boolean()).default(false),
});
export type ListStaffCampaignsInput = z.input<typeof ListStaffCampaignsInput>;
