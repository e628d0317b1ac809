// Errors as they may be logged: database errors carry the values a query was run with (postgres.js
// keeps `parameters` and `query` on the error, Drizzle repeats the params in its message, Postgres puts
// row values in `detail`), and those values are supporters' names and addresses. Only the fields
// below survive; messages lose their parameter lists and quoted input values.

// Postgres fields that name things (SQLSTATE, constraint, table) but never hold row values.
const SAFE_FIELDS = [
  'code',
  'severity',
  'routine',
  'constraint',
  'constraint_name',
  'table',
  'table_name',
  'column',
  'column_name',
  'schema',
  'schema_name',
  'position',
  'status',
  'statusCode',
  'digest',
] as const;

const MAX_DEPTH = 5;

/** A message with Drizzle's `params:` list removed and Postgres's quoted input values masked. */
export function safeErrorMessage(message: string): string {
  return (
    message
      // Drizzle: "Failed query: <sql>\nparams: <values>"
      .replace(/\n?params: [\s\S]*$/, '\nparams: [redacted]')
      // Postgres data exceptions: 'invalid input syntax for type uuid: "<value>"' and the like.
      .replace(/: "(?:[^"\\]|\\.)*"(?=\s*$|\n)/g, ': "[redacted]"')
      // ... and 'Key (email)=(someone@example.org) already exists' in details quoted into messages.
      .replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, ')=([redacted])')
  );
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && 'stack' in value)
  );
}

function safeStack(err: Error, header: string): string | undefined {
  if (typeof err.stack !== 'string') return undefined;
  const frames = err.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [header, ...frames].join('\n');
}

function sanitize(err: Error, depth: number): Record<string, unknown> {
  const type = err.constructor?.name && err.constructor.name !== 'Object' ? err.constructor.name : err.name;
  const message = safeErrorMessage(String(err.message));
  const out: Record<string, unknown> = { type, message };
  const stack = safeStack(err, `${err.name ?? type}: ${message}`);
  if (stack) out.stack = stack;
  const fields = err as unknown as Record<string, unknown>;
  for (const key of SAFE_FIELDS) {
    const v = fields[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  if (depth < MAX_DEPTH) {
    const cause = (err as { cause?: unknown }).cause;
    if (isErrorLike(cause)) out.cause = sanitize(cause, depth + 1);
    else if (typeof cause === 'string') out.cause = safeErrorMessage(cause);
    const errors = (err as { errors?: unknown }).errors;
    if (Array.isArray(errors)) out.errors = errors.filter(isErrorLike).map((e) => sanitize(e, depth + 1));
  }
  return out;
}

/** pino serializer for `err`, `error` and `cause`: error objects and bare messages alike. */
export function serializeError(value: unknown): unknown {
  if (typeof value === 'string') return safeErrorMessage(value);
  if (isErrorLike(value)) return sanitize(value, 0);
  return value;
}
