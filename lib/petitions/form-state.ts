// Types and helpers shared by the petition form (client) and its server action: no server-only.

export type PetitionFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  zip: string;
  comment: string;
  optIn: boolean;
};

export type PetitionFormState = {
  status: 'idle' | 'error' | 'signed' | 'already_signed';
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

const ECHO_MAX = 10_000;

/** Read the petition fields from a form post as plain strings (capped), for validation and echo. */
export function petitionValuesFrom(formData: Pick<FormData, 'get'>): PetitionFormValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v.slice(0, ECHO_MAX) : '';
  };
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    zip: text('zip'),
    comment: text('comment'),
    optIn: formData.get('optIn') === 'on',
  };
}
