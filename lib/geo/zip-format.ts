import { z } from 'zod';

// Client-safe (no data tables): forms can check the format before submitting.
export const ZIP_FORMAT_MESSAGE = 'Enter a 5-digit ZIP code, like 20500 or 20500-0001';
export const ZIP_RE = /^\d{5}(?:-\d{4})?$/;

/** `12345` or `12345-6789`, trimmed; parses to the 5-digit ZIP. */
export const ZipCode = z
  .string({ error: ZIP_FORMAT_MESSAGE })
  .trim()
  .regex(ZIP_RE, ZIP_FORMAT_MESSAGE)
  .transform((v) => v.slice(0, 5));
