import { sql, type SQL } from 'drizzle-orm';
import type { Keyset } from '@/lib/exports/signer-export-query';
import { neutraliseSql } from '@/lib/exports/csv-safety';

// No `server-only`: one SELECT for the page, the CSV (COPY on PostgreSQL, keyset pages on PGlite).

/**
 * The consents that still stand for one organisation: not withdrawn, the person not unsubscribed
 * from all or forgotten, and the action that carried the consent confirmed by a click on a link
 * sent to the address (anyone can type anyone's address: an unconfirmed opt-in proves nothing).
 */
export function activeConsentWhere(organisation: string | SQL): SQL {
  const org = typeof organisation === 'string' ? sql`${organisation}::uuid` : organisation;
  return sql`c.organisation_id = ${org} and c.withdrawn_at is null
    and p.forgotten_at is null and p.unsubscribed_at is null and p.email is not null
    and (exists (select 1 from signatures g where g.id = c.signature_id and g.verified_at is not null)
         or exists (select 1 from letters l where l.batch_id = c.letter_batch_id and l.confirmed_at is not null))`;
}

export const OPTED_IN_LABELS = ['Email', 'First name', 'Last name', 'ZIP', 'State', 'Campaign', 'Consent wording', 'Consented at (UTC)', 'How', 'Source'];

/** The CSV's SELECT: user-typed cells neutralised against spreadsheet formulas. */
export function optedInExportSelect(organisationId: string, page?: { after: Keyset | null; limit: number }): SQL {
  const n = (e: SQL) => neutraliseSql(e);
  const cols = [
    n(sql`p.email`),
    n(sql`p.first_name`),
    n(sql`p.last_name`),
    n(sql`p.zip`),
    n(sql`p.state`),
    n(sql`cp.title`),
    n(sql`c.wording`),
    sql`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`,
    sql`c.method::text`,
    n(sql`c.source`),
  ];
  const list = sql.join(
    cols.map((e, i) => sql`${e} as ${sql.identifier(OPTED_IN_LABELS[i])}`),
    sql`, `,
  );
  const where = [activeConsentWhere(organisationId)];
  let keyCols = sql``;
  let limit = sql``;
  if (page) {
    keyCols = sql`c.created_at::text as "__at", c.id::text as "__id", `;
    if (page.after) where.push(sql`(c.created_at, c.id) > (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
    limit = sql` limit ${sql.raw(String(Math.trunc(page.limit)))}`;
  }
  return sql`select ${keyCols}${list} from consents c join supporters p on p.id = c.supporter_id join campaigns cp on cp.id = c.campaign_id
    where ${sql.join(where, sql` and `)} order by c.created_at, c.id${limit}`;
}
