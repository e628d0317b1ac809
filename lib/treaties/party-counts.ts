import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { treatyParties, type TreatyParty } from '@/db/schema';
import { csvLine } from '@/lib/exports/csv-format';
import { PARTIES_CSV_HEADER } from './parse-parties-csv';

export type PartyCounts = { signatories: number; parties: number; asOf: string | null; source: string | null };

/** Counts from the list: signatories (signed), states parties (ratified or acceded), as of its latest date. */
export function countParties(rows: Pick<TreatyParty, 'signedOn' | 'joinedOn' | 'source'>[]): PartyCounts {
  const dates = rows.flatMap((r) => [r.signedOn, r.joinedOn]).filter((d): d is string => !!d).sort();
  const sources = [...new Set(rows.map((r) => r.source).filter((s): s is string => !!s))];
  return {
    signatories: rows.filter((r) => r.signedOn).length,
    parties: rows.filter((r) => r.joinedOn).length,
    asOf: dates.at(-1) ?? null,
    source: sources.length === 1 ? sources[0] : sources.length > 1 ? `the sources listed for each of the ${rows.length} countries` : null,
  };
}

export function listTreatyParties(db: DbOrTx, treatyId: string) {
  return db.select().from(treatyParties).where(eq(treatyParties.treatyId, treatyId)).orderBy(asc(treatyParties.country));
}

/** The list as the CSV the import reads, so staff edit it in place. */
export function partiesToCsv(rows: TreatyParty[]): string {
  return (
    csvLine([...PARTIES_CSV_HEADER]) +
    rows.map((r) => csvLine([r.country, r.signedOn, r.joinedOn, r.accession ? 'yes' : '', r.source])).join('')
  );
}
