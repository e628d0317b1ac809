// The one error table of the app, and its two mappers: AppError → form state (server actions) and
// AppError → JSON response (route handlers). Client components import the types only.

export type AppErrorCode =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** A link's token is past its time. */
  | 'TOKEN_EXPIRED'
  /** A single-use link's token was already redeemed. */
  | 'TOKEN_USED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** The database (or another part we need) cannot be reached just now: nothing was saved. */
  | 'UNAVAILABLE';

export type FieldErrors = Record<string, string[]>;

// Next bundles server code into chunks that can each hold their own copy of this module (a hook
// registered at boot runs with another copy than a server action): `instanceof` would miss an
// AppError from the other copy, and the answer would be a 500. A process-wide brand sees every copy.
const APP_ERROR = Symbol.for('ratify.AppError');

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** RATE_LIMITED and UNAVAILABLE: when to try again (the JSON answer sends Retry-After). */
  readonly retryAfterSeconds?: number;
  constructor(code: AppErrorCode, message: string, fieldErrors?: FieldErrors, opts: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const httpStatus: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOKEN_EXPIRED: 410,
  TOKEN_USED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
};

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && (e as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
}

/** Flatten a zod error into `{ field: [messages] }` for forms and JSON answers. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return new AppError('VALIDATION', 'Please correct the highlighted fields.', fieldErrorsFrom(issues));
}

export const UNAVAILABLE_MESSAGE =
  'We cannot reach our database just now, so nothing was saved. Please try again in a minute.';

// SQLSTATE classes and Node network codes that mean "the database is not there right now" (a
// restart, a failover, a dropped connection) rather than "this request is wrong".
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-3]|53300)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** A database outage, however deep it is wrapped (drizzle wraps driver errors in `cause`). */
export function isUnavailableError(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  }
  return false;
}

/** Any thrown value as an AppError: AppErrors as they are, outages as UNAVAILABLE, the rest null (a bug). */
export function asAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isUnavailableError(e)) return new AppError('UNAVAILABLE', UNAVAILABLE_MESSAGE, undefined, { retryAfterSeconds: 30 });
  return null;
}

/** What a form action hands back when it fails (lib/forms/state.ts builds on it). */
export type ErrorFormState = { status: 'error'; code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: FieldErrors };

async function logUnknown(e: unknown, what: string, context: Record<string, unknown>) {
  const { requestLogger } = await import('./log/request-id');
  // The error object itself, so its stack is logged (lib/log/logger.ts strips query parameters).
  (await requestLogger()).error({ err: e, ...context }, what);
}

/**
 * AppError → form state. Anything else is a bug or an outage: an outage says so; a bug is logged
 * with its stack and the person sees `fallback` (what did not happen, and what to do).
 */
export async function toFormState(
  e: unknown,
  { fallback = 'Something went wrong on our side. Please try again.', log = 'action failed', context = {} }: { fallback?: string; log?: string; context?: Record<string, unknown> } = {},
): Promise<ErrorFormState> {
  const known = asAppError(e);
  if (known) {
    if (known.code === 'UNAVAILABLE') await logUnknown(e, `${log}: database unavailable`, context);
    return { status: 'error', code: known.code, message: known.message, ...(known.fieldErrors ? { fieldErrors: known.fieldErrors } : {}) };
  }
  await logUnknown(e, log, context);
  return { status: 'error', code: 'INTERNAL', message: fallback };
}

/** The one JSON shape of every error answer: `{ error: { code, message, fieldErrors? } }`. */
export type JsonErrorBody = { error: { code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: FieldErrors } };

export function jsonError(code: AppErrorCode, message: string, fieldErrors?: FieldErrors, headers: Record<string, string> = {}): Response {
  const body: JsonErrorBody = { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
  return Response.json(body, { status: httpStatus[code], headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** AppError → JSON response; anything else is logged with its stack and answered 500 with no detail. */
export async function toJsonResponse(
  e: unknown,
  { log = 'request failed', context = {} }: { log?: string; context?: Record<string, unknown> } = {},
): Promise<Response> {
  const known = asAppError(e);
  if (known) {
    if (known.code === 'UNAVAILABLE') await logUnknown(e, `${log}: database unavailable`, context);
    const headers: Record<string, string> = known.retryAfterSeconds ? { 'Retry-After': String(known.retryAfterSeconds) } : {};
    return jsonError(known.code, known.message, known.fieldErrors, headers);
  }
  await logUnknown(e, log, context);
  const body: JsonErrorBody = { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } };
  return Response.json(body, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}
