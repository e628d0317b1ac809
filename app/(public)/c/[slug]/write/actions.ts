'use server';

import { publicFormAction } from '@/lib/forms/public-action';
import { readCookie } from '@/lib/http/request-scope';
import { letterValuesFrom, type LetterFormState } from '@/lib/forms/letter';
import { SendLettersInput } from '@/lib/letters/schemas';
import { sendLetters } from '@/lib/letters/send-letters';
import { WRITER_COOKIE, readWriterCookie } from '@/lib/security/writer-cookie';

/** The letter form's action, bound to the campaign slug (the pipeline: lib/forms/public-action.ts). */
export const sendLettersAction: (slug: string, prev: LetterFormState, formData: FormData) => Promise<LetterFormState> =
  publicFormAction({
    limit: 'letter',
    schema: SendLettersInput,
    values: letterValuesFrom,
    input: (values, { bound, source, ref }) => ({ ...values, campaignSlug: bound, source, ref }),
    emailOf: (input) => input.email,
    // A browser that confirmed this address before (the signed "confirmed writer" cookie) sends at once.
    run: async (input) => sendLetters({ input, writer: await readWriterCookie(await readCookie(WRITER_COOKIE)) }),
    sendsMail: (result) => result.kind !== 'already_written',
    success: (result): LetterFormState => ({ status: 'done', result }),
    fallback: 'Something went wrong on our side and your letters were not sent. Please try again in a moment.',
  });
