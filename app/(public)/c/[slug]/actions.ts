'use server';

import { publicFormAction } from '@/lib/forms/public-action';
import { petitionValuesFrom, type PetitionFormState } from '@/lib/forms/petition';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';

/** The petition form's action, bound to the campaign slug (the pipeline: lib/forms/public-action.ts). */
export const signPetitionAction: (slug: string, prev: PetitionFormState, formData: FormData) => Promise<PetitionFormState> =
  publicFormAction({
    limit: 'sign',
    schema: SignPetitionInput,
    values: petitionValuesFrom,
    input: (values, { bound, source, ref }) => ({ ...values, campaignSlug: bound, source, ref }),
    emailOf: (input) => input.email,
    run: (input) => signPetition({ input }),
    sendsMail: (result) => result.status === 'signed',
    success: (result, input): PetitionFormState => ({
      status: result.status,
      count: result.count,
      firstName: input.firstName,
      zip: input.zip.slice(0, 5),
    }),
    fallback: 'Something went wrong on our side and your signature was not saved. Please try again in a moment.',
  });
