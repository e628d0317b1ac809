'use server';

import { publicFormAction } from '@/lib/forms/public-action';
import { petitionValuesFrom, type PetitionFormState } from '@/lib/forms/petition';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';

/** The embedded petition's action: the same pipeline as the campaign page's, its consents recorded as `embed`. */
export const signEmbeddedPetitionAction: (slug: string, prev: PetitionFormState, formData: FormData) => Promise<PetitionFormState> =
  publicFormAction({
    limit: 'sign',
    schema: SignPetitionInput,
    values: petitionValuesFrom,
    input: (values, { bound, source, ref }) => ({ ...values, campaignSlug: bound, source, ref }),
    emailOf: (input) => input.email,
    run: (input) => signPetition({ input, method: 'embed' }),
    sendsMail: (result) => result.status === 'signed',
    success: (result, input): PetitionFormState => ({
      status: result.status,
      count: result.count,
      firstName: input.firstName,
      zip: input.zip.slice(0, 5),
    }),
    fallback: 'Something went wrong on our side and your signature was not saved. Please try again in a moment.',
  });
