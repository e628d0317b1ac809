import { z } from 'zod';

export const UPDATE_SUBJECT_MAX = 200;
export const UPDATE_BODY_MAX = 50_000;

export const CreateUpdateInput = z.object({
  campaignId: z.uuid('Choose a campaign.'),
  subject: z
    .string()
    .trim()
    .min(3, 'Write a subject of at least 3 characters.')
    .max(UPDATE_SUBJECT_MAX, `Keep the subject under ${UPDATE_SUBJECT_MAX} characters.`)
    .refine((v) => !/[\r\n]/.test(v), 'The subject must be one line.'),
  bodyMd: z.string().trim().min(1, 'Write the update.').max(UPDATE_BODY_MAX, `Keep the update under ${UPDATE_BODY_MAX} characters.`),
});
export type CreateUpdateInput = z.input<typeof CreateUpdateInput>;

// datetime-local from the form ("2026-12-06T09:30"), read as UTC unless it carries an offset; empty = now.
const optionalWhen = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, 'Enter a date and time, or leave it empty to send now.')
    .transform((v) => new Date(/Z|[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`))
    .optional(),
);

export const SendUpdateInput = z.object({ updateId: z.uuid('Unknown update.'), scheduledAt: optionalWhen });
export type SendUpdateInput = z.input<typeof SendUpdateInput>;

export const UpdateIdInput = z.object({ updateId: z.uuid('Unknown update.') });
export type UpdateIdInput = z.input<typeof UpdateIdInput>;
