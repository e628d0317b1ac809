import { z } from 'zod';

// Field schemas shared by the templates. Anything that can reach a mail header (subjects, names in
// subjects, URLs in List-Unsubscribe) must be a single line: a CR or LF there is a header injection.
const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

export const singleLine = (max: number) =>
  z.string().trim().max(max).refine(noLineBreaks, 'must be a single line');

export const requiredLine = (max: number) => singleLine(max).pipe(z.string().min(1, 'is required'));

/** Multi-line supporter text (a letter body): kept as typed, rendered as escaped text. */
export const longText = (max: number) => z.string().trim().min(1, 'is required').max(max);

/** http(s) only (no `javascript:`), normalised so `<`, `>` and spaces are percent-encoded. */
export const webUrl = z
  .string()
  .trim()
  .refine(noLineBreaks, 'must be a single line')
  .pipe(z.url({ protocol: /^https?$/, normalize: true }));

export const mailtoUrl = z
  .string()
  .trim()
  .refine(noLineBreaks, 'must be a single line')
  .pipe(z.url({ protocol: /^mailto$/ }));

export const emailAddress = z.email().max(254);
