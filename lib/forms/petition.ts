// Types and helpers shared by the petition form (client) and its server action: no server-only.
import type { AppErrorCode } from '@/lib/errors';
import { readFields } from './values';

/** The partner opt-in boxes ticked on a form (repeated `optInPartner`), capped. */
export function partnerChoicesFrom(formData: Pick<FormData, 'getAll'>): string[] {
  return formData
    .getAll('optInPartner')
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 30)
    .map((v) => v.slice(0, 40));
}

export type PetitionFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  zip: string;
  comment: string;
  optIn: boolean;
  /** The partner boxes ticked (short codes). */
  optInPartners: string[];
};

export type PetitionFormState = {
  status: 'idle' | 'error' | 'signed' | 'already_signed';
  code?: AppErrorCode | 'INTERNAL';
  /** Form-level message (rate limit, closed campaign, "please correct…"). */
  message?: string;
  fieldErrors?: Partial<Record<keyof PetitionFormValues | '_form', string[]>>;
  /** What was typed, so a refused form comes back filled in. */
  values?: PetitionFormValues;
  /** After signing: the count including this signature, and details for the thank-you view. */
  count?: number;
  firstName?: string;
  zip?: string;
  /** A fresh anti-bot timestamp for the next attempt. */
  guardToken?: string;
};

export const initialPetitionState: PetitionFormState = { status: 'idle' };

/** Read the petition fields from a form post as plain strings (capped), for validation and echo. */
export function petitionValuesFrom(formData: Pick<FormData, 'get' | 'getAll'>): PetitionFormValues {
  const v = readFields(formData, ['firstName', 'lastName', 'email', 'zip', 'comment'], { max: 10_000 });
  return { ...v, optIn: formData.get('optIn') === 'on', optInPartners: partnerChoicesFrom(formData) };
}
