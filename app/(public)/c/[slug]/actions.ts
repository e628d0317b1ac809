'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { readSource } from '@/lib/campaigns/read-source';
import { kickDrain } from '@/lib/email/drain-loop';
import { env } from '@/lib/env';
import { isAppError, validationError } from '@/lib/errors';
import { requestLogger } from '@/lib/log/request-id';
import { petitionValuesFrom, type PetitionFormState } from '@/lib/petitions/form-state';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';
import { checkFormGuard, guardTokenForRetry } from '@/lib/security/form-guard';
import { enforcePublicLimits } from '@/lib/security/public-limits';

/**
 * The petition form's action (bound to the campaign slug). Works as a plain form post without JS:
 * the page re-renders with this state. Public, so no session: bot checks, then validation (no
 * database), then per-IP and per-email limits, then the service's single transaction.
 */
export async function signPetitionAction(
  campaignSlug: string,
  _prev: PetitionFormState,
  formData: FormData,
): Promise<PetitionFormState> {
  const values = petitionValuesFrom(formData);
  try {
    await checkFormGuard(formData);
    const source = readSource(formData.get('source'), (await headers()).get('referer'));
    const input = { campaignSlug, ...values, source };
    const parsed = SignPetitionInput.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error.issues);
    await enforcePublicLimits('sign', { email: parsed.data.email });
    const result = await signPetition({ input });
    // Send the confirmation now rather than at the next drain tick (unless a separate worker drains).
    if (result.status === 'signed' && env().OUTBOX_IN_APP === '1') after(() => kickDrain());
    return {
      status: result.status,
      count: result.count,
      firstName: parsed.data.firstName,
      zip: parsed.data.zip.slice(0, 5),
    };
  } catch (e) {
    const guardToken = await guardTokenForRetry(formData);
    if (isAppError(e)) {
      return { status: 'error', message: e.message, fieldErrors: e.fieldErrors, values, guardToken };
    }
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e), campaignSlug }, 'signing failed');
    return {
      status: 'error',
      message: 'Something went wrong on our side and your signature was not saved. Please try again in a moment.',
      values,
      guardToken,
    };
  }
}
