import { z } from 'zod';

// Zod pieces for anything a member of the public types. Messages are shown beside the field, so
// they say what to do in plain English. Lengths count characters as people see them (code points),
// so an emoji is one character, not two.

const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
// Comments may span lines; every other control character is refused.
const CONTROL_CHARS_EXCEPT_NEWLINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const charCount = (s: string) => [...s].length;

/** Absent, empty or whitespace-only form values become undefined before validation. */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const EmailField = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .toLowerCase()
  .pipe(z.email('Enter an email address like name@example.org.'));

/** A first or last name: 1–80 characters after trimming, any script or emoji, one line. */
export function personNameField(what: string) {
  return z
    .string({ error: `Enter your ${what}.` })
    .trim()
    .min(1, `Enter your ${what}.`)
    .refine((s) => charCount(s) <= 80, `Your ${what} can be at most 80 characters.`)
    .refine((s) => !CONTROL_CHARS.test(s), `Your ${what} can't contain line breaks or control characters.`);
}

export const PersonNameField = personNameField('name');
export const FirstNameField = personNameField('first name');
export const LastNameField = personNameField('last name');

/** 5-digit ZIP or ZIP+4 (with or without the dash), normalised to `12345` or `12345-6789`. */
export const ZipField = z
  .string({ error: 'Enter your ZIP code.' })
  .trim()
  .min(1, 'Enter your ZIP code.')
  .max(20, 'Enter a 5-digit ZIP code, like 20002.')
  .regex(/^\d{5}(-?\d{4})?$/, 'Enter a 5-digit ZIP code, like 20002.')
  .transform((s) => (s.length === 9 ? `${s.slice(0, 5)}-${s.slice(5)}` : s));

/** The five digits of a ZIP code, for lookups. */
export const zip5 = (zip: string) => zip.slice(0, 5);

function optionalLine(what: string, max: number) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((s) => charCount(s) <= max, `Your ${what} can be at most ${max} characters.`)
      .refine((s) => !CONTROL_CHARS.test(s), `Your ${what} can't contain line breaks or control characters.`)
      .optional(),
  );
}

export const OptionalCityField = optionalLine('city', 100);
export const OptionalStreetField = optionalLine('street address', 200);

/** Free text up to `max` characters, line breaks allowed (normalised to \n), empty → undefined. */
export function optionalTextField(what: string, max: number) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').trim())
      .refine((s) => charCount(s) <= max, `Your ${what} can be at most ${max.toLocaleString('en-US')} characters.`)
      .refine((s) => !CONTROL_CHARS_EXCEPT_NEWLINES.test(s), `Your ${what} contains characters we can't accept.`)
      .optional(),
  );
}

/** An HTML checkbox: "on" when ticked, absent when not; JSON callers may send a boolean. */
export const CheckboxField = z.preprocess(
  (v) => v === true || v === 'on' || v === 'true' || v === '1',
  z.boolean(),
);
