import { z } from 'zod';

export const GetPersonInput = z.object({ supporterId: z.uuid('Unknown person.') });
export type GetPersonInput = z.input<typeof GetPersonInput>;

export const ModerateCommentInput = z.object({
  signatureId: z.uuid('Unknown signature.'),
  decision: z.enum(['approve', 'hide'], 'Choose approve or hide.'),
});
export type ModerateCommentInput = z.input<typeof ModerateCommentInput>;

export const FORGET_CONFIRMATION = 'FORGET';

export const ForgetPersonInput = z.object({
  supporterId: z.uuid('Unknown person.'),
  // Typed by hand on the confirm page, so a stray click can never erase someone.
  confirmation: z
    .string({ error: `Type ${FORGET_CONFIRMATION} to confirm.` })
    .trim()
    .refine((v) => v === FORGET_CONFIRMATION, `Type ${FORGET_CONFIRMATION} in capital letters to confirm.`),
});
export type ForgetPersonInput = z.input<typeof ForgetPersonInput>;

/** What forgetting leaves in place of a letter's subject and body, and of an email address. */
export const ERASED = '[erased]';
export const FORGOTTEN_ADDRESS = 'forgotten';
