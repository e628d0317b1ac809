// Shared by the letter form (client) and its server action: no server-only.
import type { AppErrorCode } from '@/lib/errors';
import { partnerChoicesFrom } from './petition';
import { readFields } from './values';
import type { LetterDelivery, SendLettersResult } from '@/lib/letters/types';

export type LetterFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  zip: string;
  state: string;
  city: string;
  street: string;
  prefix: string;
  subject: string;
  body: string;
  personalSentence: string;
  optIn: boolean;
  optInPartners: string[];
};

export type LetterFormState =
  | { status: 'idle' }
  | {
      status: 'error';
      code?: AppErrorCode | 'INTERNAL';
      message: string;
      fieldErrors?: Partial<Record<keyof LetterFormValues | '_form', string[]>>;
      /** What was typed, so a refused form comes back filled in. */
      values: LetterFormValues;
      /** A fresh anti-bot timestamp for the next attempt. */
      guardToken: string;
    }
  | { status: 'done'; result: SendLettersResult };

export const initialLetterState: LetterFormState = { status: 'idle' };

// Long enough to hand back an over-long letter for trimming, short enough to bound the echo.
export function letterValuesFrom(formData: Pick<FormData, 'get' | 'getAll'>): LetterFormValues {
  const v = readFields(formData, ['firstName', 'lastName', 'email', 'zip', 'state', 'city', 'street', 'prefix', 'subject', 'body', 'personalSentence']);
  return { ...v, optIn: formData.get('optIn') === 'on', optInPartners: partnerChoicesFrom(formData) };
}

/** The confirmation page's button: idle, then where each letter went, or why the link did not work. */
export type ConfirmLettersState =
  | { status: 'idle' }
  | { status: 'done'; letters: LetterDelivery[]; campaign: { slug: string; title: string } }
  | { status: 'error'; code: 'used' | 'expired' | 'other'; message: string };
