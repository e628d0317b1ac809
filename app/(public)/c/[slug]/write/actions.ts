'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { readSource } from '@/lib/campaigns/read-source';
import { kickDrain } from '@/lib/email/drain-loop';
import { isAppError, validationError } from '@/lib/errors';
import { letterValuesFrom, type LetterFormState } from '@/lib/letters/form-state';
import { SendLettersInput } from '@/lib/letters/schemas';
import { sendLetters } from '@/lib/letters/send-letters';
import { requestLogger } from '@/lib/log/request-id';
import { checkFormGuard, guardTokenForRetry } from '@/lib/security/form-guard';
import { enforcePublicLimits } from '@/lib/security/public-limits';

/**
 * The letter form's action (bound to the campaign slug). Public: bot checks, then validation (no
 * database), then per-IP and per-email limits, then the service's single transaction. Works as a
 * plain form post without JS: the page re-renders with the returned state.
 */
export async function sendLettersAction(campaignSlug: string, _prev: LetterFormState, formData: FormData): Promise<LetterFormState> {
  const values = letterValuesFrom(formData);
  try {
    await checkFormGuard(formData);
    const source = readSource(formData.get('source'), (await headers()).get('referer'));
    const input = { campaignSlug, ...values, source };
    const parsed = SendLettersInput.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error.issues);
    await enforcePublicLimits('letter', { email: parsed.data.email });
    const result = await sendLetters({ input });
    if (result.kind !== 'already_written') after(() => kickDrain());
    return { status: 'done', result };
  } catch (e) {
    const guardToken = await guardTokenForRetry(formData);
    if (isAppError(e)) {
      return { status: 'error', message: e.message, fieldErrors: e.fieldErrors, values, guardToken };
    }
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e), campaignSlug }, 'sending letters failed');
    return {
      status: 'error',
      message: 'Something went wrong on our side and your letters were not sent. Please try again in a moment.',
      values,
      guardToken,
    };
  }
}
