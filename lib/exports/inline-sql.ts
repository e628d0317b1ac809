import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

// No `server-only`: pure, unit-tested and used by the bench script.

const dialect = new PgDialect();

/**
 * A PostgreSQL literal for one bound value. Strings use the `E'…'` form with both `\` and `'`
 * doubled, which reads the same whatever `standard_conforming_strings` says. NUL cannot be stored
 * in a text value, so it is refused rather than silently truncated.
 */
export function quoteLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot inline ${value}`);
    return String(value);
  }
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new Error('Cannot inline a string containing NUL');
    return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  }
  throw new Error(`Cannot inline a value of type ${typeof value}`);
}

/**
 * Render a Drizzle query as one SQL string with every bound parameter inlined as a literal.
 * `COPY (SELECT …) TO STDOUT` cannot take bind parameters, so this is the only way to reuse the
 * Drizzle-built filters there. The placeholders are replaced in a single pass over Drizzle's own
 * text, so a value that itself contains `$2` is never re-read as a placeholder.
 */
export function renderInlined(query: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`No parameter for $${n}`);
    return quoteLiteral(params[index]);
  });
}
