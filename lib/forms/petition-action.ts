import 'server-only';
import type { ConsentMethod } from '@/db/schema/enum-values';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';
import { publicFormAction } from './public-action';
import { petitionValuesFrom, type PetitionFormState } from './petition';

/**
 * The petition form's action, bound to the campaign slug: the campaign page's and the embed's are
 * this one pipeline (lib/forms/public-action.ts), differing only in how consents are recorded.
 */
export function petitionFormAction(method: ConsentMethod): (slug: string, prev: PetitionFormState, formData: FormData) => Promise<PetitionFormState> {
  return publicFormAction({
    limit: 'sign',
    schema: SignPetitionInput,
    values: petitionValuesFrom,
    input: (values, { bound, source, ref }) => ({ ...values, campaignSlug: bound, source, ref }),
    emailOf: (input) => input.email,
    run: (input) => signPetition({ input, method }),
    sendsMail: (result) => result.status === 'signed',
    success: (result, input): PetitionFormState => ({
      status: result.status,
      count: result.count,
      firstName: input.firstName,
      zip: input.zip.slice(0, 5),
    }),
    fallback: 'Something went wrong on our side and your signature was not saved. Please try again in a moment.',
  });
}
