import { z } from 'zod';
import { isUsStateCode } from '@/lib/geo/us-states';
import { SourceField } from '@/lib/petitions/schemas';
import { OptInPartnersField, RefField } from '@/lib/consents/schemas';
import {
  CheckboxField,
  EmailField,
  FirstNameField,
  LastNameField,
  OptionalCityField,
  OptionalStreetField,
  ZipField,
} from '@/lib/supporters/schemas';
import { CWC_LIMITS, CwcPrefix, charCount as cwcChars } from './cwc/schemas';
import { LETTER_BODY_MAX, LETTER_SUBJECT_MAX, PERSONAL_SENTENCE_MAX } from './letter-draft';

// Client-safe: the form imports the limits; the action and the service parse with these schemas.

const charCount = (s: string) => [...s].length;
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// Line breaks are allowed in letter text (normalised to \n); every other control or bidi-override
// character is refused, so nothing invisible reaches a Senate office.
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export const LetterSubjectField = z
  .string({ error: 'Enter a subject for your letter.' })
  // Reject rather than repair: a line break in a subject is a mail header injection attempt or a paste accident.
  .refine((s) => !/[\r\n]/.test(s), 'The subject must be a single line.')
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter a subject for your letter.')
      // UTF-16 length: the mail templates count that way.
      .max(LETTER_SUBJECT_MAX, `The subject can be at most ${LETTER_SUBJECT_MAX} characters.`)
      .refine((s) => !CONTROL_EXCEPT_NEWLINE_TAB.test(s), 'The subject contains characters we can’t accept.'),
  );

export const LetterBodyField = z
  .string({ error: 'Write your letter, or keep the suggested text.' })
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write your letter, or keep the suggested text.')
      .refine((s) => charCount(s) <= LETTER_BODY_MAX, `Your letter can be at most ${LETTER_BODY_MAX.toLocaleString('en-US')} characters.`)
      .refine((s) => !CONTROL_EXCEPT_NEWLINE_TAB.test(s), 'Your letter contains characters we can’t accept.'),
  );

/** One sentence of the supporter's own: line breaks fold into spaces. Required per campaign (checked by the service). */
export const PersonalSentenceField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .transform((s) => s.replace(/[\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim())
    .refine(
      (s) => charCount(s) <= PERSONAL_SENTENCE_MAX,
      `Your sentence can be at most ${PERSONAL_SENTENCE_MAX} characters.`,
    )
    .refine((s) => !CONTROL_EXCEPT_NEWLINE_TAB.test(s), 'Your sentence contains characters we can’t accept.')
    .optional(),
);

/** The state the supporter picked on the lookup (a ZIP may cross a state line); optional. */
export const LetterStateField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .toUpperCase()
    .refine(isUsStateCode, 'Choose a state or territory from the list.')
    .optional(),
);

/** The title the Senate's CWC service requires (Mr., Mrs., Ms., Miss or Dr.); asked only when it is on. */
export const NamePrefixField = z.preprocess(emptyToUndefined, CwcPrefix.optional());

export const SendLettersInput = z.object({
  campaignSlug: z.string().trim().min(1).max(200),
  firstName: FirstNameField,
  lastName: LastNameField,
  email: EmailField,
  zip: ZipField,
  state: LetterStateField,
  city: OptionalCityField,
  street: OptionalStreetField,
  prefix: NamePrefixField,
  subject: LetterSubjectField,
  body: LetterBodyField,
  personalSentence: PersonalSentenceField,
  /** The host's opt-in box, then the partners'. */
  optIn: CheckboxField.optional().transform((v) => v ?? false),
  optInPartners: OptInPartnersField,
  source: SourceField,
  ref: RefField,
});
export type SendLettersInput = z.input<typeof SendLettersInput>;
export type SendLettersData = z.output<typeof SendLettersInput>;

/**
 * What the letter form asks beyond the letter itself. `requireStreet` is on while letters go through
 * the Senate's CWC service (derived from its configuration): CWC takes a letter only with the
 * writer's street address and city, one of its five titles and a subject of at least six characters.
 */
export type LetterRules = { requireStreet: boolean };

export const CWC_FIELD_MESSAGES = {
  street: 'Enter your street address: your letters go through the Senate’s own delivery service, which accepts them only with a full postal address, so the office can see you live in their state.',
  city: 'Enter your city: the Senate’s delivery service needs it with your street address.',
  prefix: 'Choose a title: the Senate’s delivery service requires one of Mr., Mrs., Ms., Miss or Dr.',
  subject: `The subject needs at least ${CWC_LIMITS.subjectMin} characters for the Senate’s delivery service.`,
} as const;

export function sendLettersInputFor(rules: LetterRules) {
  if (!rules.requireStreet) return SendLettersInput;
  return SendLettersInput.superRefine((d, ctx) => {
    const missing = (path: keyof typeof CWC_FIELD_MESSAGES) => ctx.addIssue({ code: 'custom', path: [path], message: CWC_FIELD_MESSAGES[path] });
    if (!d.street) missing('street');
    if (!d.city) missing('city');
    if (!d.prefix) missing('prefix');
    if (cwcChars(d.subject) < CWC_LIMITS.subjectMin) missing('subject');
  });
}

export const ConfirmLettersInput = z.object({ token: z.string().trim().min(1).max(200) });
export type ConfirmLettersInput = z.input<typeof ConfirmLettersInput>;
