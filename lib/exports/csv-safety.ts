import { sql, type SQL } from 'drizzle-orm';

// No `server-only`: the rule is unit-tested on its own.

/**
 * Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection, OWASP).
 * Such a cell gets a leading apostrophe, which Excel and LibreOffice show as plain text.
 */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'] as const;

const prefixCodes = FORMULA_PREFIXES.map((c) => c.charCodeAt(0));

/** The rule in JavaScript: the reference the SQL expression is tested against. */
export function neutraliseCell(value: string | null): string | null {
  if (value === null || value === '') return value;
  return prefixCodes.includes(value.charCodeAt(0)) ? `'${value}` : value;
}

/**
 * The same rule as a SQL expression, so PostgreSQL's COPY does the work and Node only pipes bytes.
 * `ascii()` reads the first character's code point (0 for ''), cheaper than a regex per cell.
 * Both export paths (COPY on PostgreSQL, batches on PGlite) select through this one builder.
 */
export function neutraliseSql(expr: SQL): SQL {
  const codes = sql.raw(prefixCodes.join(', '));
  return sql`(case when ascii(${expr}) in (${codes}) then '''' || ${expr} else ${expr} end)`;
}
