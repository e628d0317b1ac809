import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { validationError } from '@/lib/errors';
import { getUsState } from '@/lib/geo/us-states';
import { FindSenatorsByStateInput, type SenatorLookup } from './schemas';
import { lookupState } from './senator-cards';

export { FindSenatorsByStateInput };
export type { SenatorCard, SenatorLookup } from './schemas';

/** Current senators of a state (senior first), or why DC and the territories have none. */
export async function findSenatorsByState(state: string, db: DbOrTx = getDb()): Promise<SenatorLookup> {
  const parsed = FindSenatorsByStateInput.safeParse({ state });
  if (!parsed.success) throw validationError(parsed.error.issues);
  return lookupState(db, getUsState(parsed.data.state)!);
}
