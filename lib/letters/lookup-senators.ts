import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';
import { ZIP_FORMAT_MESSAGE } from '@/lib/geo/zip-format';
import { findSenatorsByState } from '@/lib/senators/find-senators-by-state';
import { findSenatorsByZip, type SenatorLookup } from '@/lib/senators/find-senators-by-zip';

export type LookupQuery = { zip?: string | null; state?: string | null };

const clean = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 40) : undefined);

/**
 * The "find your senators" answer for a query string: a ZIP (optionally with the state picked for a
 * ZIP that crosses a state line), or a state alone. Throws VALIDATION with `zip`/`state` field errors.
 */
export async function lookupSenators(q: LookupQuery, db: DbOrTx = getDb()): Promise<SenatorLookup> {
  const zip = clean(q.zip);
  const state = clean(q.state);
  if (zip) return findSenatorsByZip({ zip, state }, db);
  if (state) return findSenatorsByState(state, db);
  throw new AppError('VALIDATION', ZIP_FORMAT_MESSAGE, { zip: [ZIP_FORMAT_MESSAGE] });
}
