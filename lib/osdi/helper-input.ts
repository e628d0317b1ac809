import { z } from 'zod';
import { AppError, isAppError } from '@/lib/errors';

// What the record_*_helper bodies share: the person's email entry, field errors named by the path
// the caller sent (`person.email_addresses.0.address`), and the form's field names mapped back to
// the OSDI ones when the service refuses a value.

export const OsdiEmailAddress = z.object({ address: z.string().max(254), primary: z.boolean().optional(), status: z.string().max(40).optional() }).strict();

/** The primary address, else the first. */
export const primaryEmail = (addresses: readonly { address: string; primary?: boolean }[]) => (addresses.find((a) => a.primary) ?? addresses[0]).address;

/** Field errors keyed by the full dotted path, an unknown key by its own name. */
export function osdiValidationError(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) {
    const base = i.path.map(String).join('.');
    const names = i.code === 'unrecognized_keys' && i.keys ? i.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || '_body'];
    for (const n of names) (fieldErrors[n] ??= []).push(i.code === 'unrecognized_keys' ? 'Unknown field.' : i.message);
  }
  return new AppError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors);
}

/** The same error with the service's field names (firstName…) replaced by the OSDI ones the caller sent. */
export function withOsdiFieldNames(e: unknown, names: Record<string, string>): unknown {
  if (!isAppError(e) || !e.fieldErrors) return e;
  const renamed = Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [names[k] ?? k, v]));
  return new AppError(e.code, e.message, renamed, { retryAfterSeconds: e.retryAfterSeconds });
}
