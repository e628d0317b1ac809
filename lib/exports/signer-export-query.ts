import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { signatures, supporters } from '@/db/schema';
import { buildSignerWhere, SignerFilters } from '@/lib/people/signer-filters';
import { neutraliseSql } from './csv-safety';
import type { ExportFilters, ExportPreset } from './schemas';

// No `server-only`: the bench builds its baseline from the same pieces.

export type ExportColumn = { label: string; expr: SQL };

// Names, ZIP, city and state are each signature's own record (as typed when signing), so a later
// submission with the same address — by anyone — never changes an export. Email is the identity.
const state = sql`coalesce(${signatures.state}, ${supporters.state})`;
const yesNo = (cond: SQL) => sql`(case when ${cond} then 'yes' else 'no' end)`;

/**
 * Every user-typed value goes through `neutraliseSql`; derived values (yes/no, timestamps) cannot
 * start with a formula character. `raw` is the same column without neutralisation, for the bench's
 * plain-COPY baseline only.
 */
function presetColumns(preset: ExportPreset, wrap: (e: SQL) => SQL): ExportColumn[] {
  if (preset === 'delivery') {
    return [
      { label: 'Full name', expr: wrap(sql`btrim(${signatures.firstName} || ' ' || ${signatures.lastName})`) },
      { label: 'City', expr: wrap(sql`${signatures.city}`) },
      { label: 'State', expr: wrap(state) },
    ];
  }
  return [
    { label: 'First name', expr: wrap(sql`${signatures.firstName}`) },
    { label: 'Last name', expr: wrap(sql`${signatures.lastName}`) },
    { label: 'Email', expr: wrap(sql`${supporters.email}`) },
    { label: 'ZIP', expr: wrap(sql`${signatures.zip}`) },
    { label: 'State', expr: wrap(state) },
    { label: 'Verified', expr: yesNo(sql`${signatures.verifiedAt} is not null`) },
    // An unsubscribe withdraws consent for every campaign the person signed.
    { label: 'Opted in', expr: yesNo(sql`${signatures.optedIn} and ${supporters.unsubscribedAt} is null`) },
    { label: 'Source', expr: wrap(sql`${signatures.source}`) },
    {
      label: 'Signed at (UTC)',
      expr: sql`to_char(${signatures.createdAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`,
    },
  ];
}

export function exportColumns(preset: ExportPreset, opts: { neutralise?: boolean } = {}): ExportColumn[] {
  return presetColumns(preset, opts.neutralise === false ? (e) => e : neutraliseSql);
}

export function exportHeader(preset: ExportPreset): string[] {
  return exportColumns(preset).map((c) => c.label);
}

/** The people-table WHERE, plus: forgotten people are never exported (nothing of them is left). */
export function exportWhere(filters: ExportFilters): SQL {
  const full = SignerFilters.parse({ ...filters });
  return and(buildSignerWhere(full), isNull(supporters.forgottenAt))!;
}

export type Keyset = { at: string; id: string };

/**
 * The one SELECT both export paths run, oldest signature first. With `page`, it also returns the
 * keyset columns `__at` (timestamptz as text: a JS Date would drop the microseconds and skip rows)
 * and `__id`, and starts after the previous page's last row.
 */
export function signerExportSelect(
  preset: ExportPreset,
  filters: ExportFilters,
  opts: { neutralise?: boolean; page?: { after: Keyset | null; limit: number } } = {},
): SQL {
  const cols = exportColumns(preset, opts);
  const list = sql.join(
    cols.map((c) => sql`${c.expr} as ${sql.identifier(c.label)}`),
    sql`, `,
  );
  const where = [exportWhere(filters)];
  let keyCols = sql``;
  let limit = sql``;
  if (opts.page) {
    keyCols = sql`${signatures.createdAt}::text as "__at", ${signatures.id}::text as "__id", `;
    const after = opts.page.after;
    if (after) {
      // The plain `>=` lets the (campaign_id, created_at) index find the start; the row comparison
      // alone is only a filter, which would rescan from the first row for every page.
      where.push(sql`${signatures.createdAt} >= ${after.at}::timestamptz`);
      where.push(sql`(${signatures.createdAt}, ${signatures.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`);
    }
    limit = sql` limit ${sql.raw(String(Math.trunc(opts.page.limit)))}`;
  }
  return sql`select ${keyCols}${list} from ${signatures} inner join ${supporters} on ${eq(supporters.id, signatures.supporterId)} where ${and(...where)} order by ${signatures.createdAt}, ${signatures.id}${limit}`;
}
