import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { AppError, validationError } from '@/lib/errors';
import { getUsState } from '@/lib/geo/us-states';
import { zipToStates } from '@/lib/geo/zip-to-states';
import { FindSenatorsByZipInput, type SenatorLookup, type StateOption } from './schemas';
import { lookupState } from './senator-cards';

export { FindSenatorsByZipInput };
export type { SenatorCard, SenatorLookup } from './schemas';

const option = (code: string): StateOption => ({ state: code, stateName: getUsState(code)!.name });

/**
 * Senators for a ZIP code. A ZIP that crosses a state line answers `choose`; calling again with the
 * supporter's pick (`{ zip, state }`) answers that state, with the other states as `alternatives`.
 */
export async function findSenatorsByZip(
  input: string | FindSenatorsByZipInput,
  db: DbOrTx = getDb(),
): Promise<SenatorLookup> {
  const parsed = FindSenatorsByZipInput.safeParse(typeof input === 'string' ? { zip: input } : input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { zip, states } = zipToStates(parsed.data.zip);
  const picked = parsed.data.state;

  if (picked) {
    if (!states.includes(picked)) {
      const message = `ZIP code ${zip} is not in ${getUsState(picked)!.name}. Check the ZIP code or the state.`;
      throw new AppError('VALIDATION', message, { state: [message] });
    }
    return lookupState(db, getUsState(picked)!, zip, states.filter((s) => s !== picked).map(option));
  }
  if (states.length > 1) return { kind: 'choose', zip, options: states.map(option) };
  return lookupState(db, getUsState(states[0])!, zip);
}
