import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { getUsState, SENATE_STATE_CODES, US_STATES } from '@/lib/geo/us-states';
import { ZIP_FORMAT_MESSAGE } from '@/lib/geo/zip-format';
import { zipToStates } from '@/lib/geo/zip-to-states';

function zipError(input: unknown): AppError {
  try {
    zipToStates(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

describe('us-states', () => {
  it('lists 50 voting states, DC and five territories', () => {
    expect(US_STATES).toHaveLength(56);
    expect(SENATE_STATE_CODES).toHaveLength(50);
    expect(getUsState('dc')).toMatchObject({ name: 'District of Columbia', votingSenators: false });
    expect(getUsState('PR')).toMatchObject({ votingSenators: false, houseDelegateTitle: 'Resident Commissioner' });
    expect(getUsState('VT')).toMatchObject({ name: 'Vermont', votingSenators: true });
    expect(getUsState('XX')).toBeUndefined();
  });
});

describe('zipToStates', () => {
  it('finds the state of an ordinary ZIP and of a ZIP+4, trimmed', () => {
    expect(zipToStates('94103')).toEqual({ zip: '94103', primary: 'CA', states: ['CA'] });
    expect(zipToStates(' 10001-1234 ')).toEqual({ zip: '10001', primary: 'NY', states: ['NY'] });
    expect(zipToStates('05401').states).toEqual(['VT']);
  });

  it('maps DC and territories to their own codes', () => {
    expect(zipToStates('20001').states).toEqual(['DC']);
    expect(zipToStates('00901').states).toEqual(['PR']);
    expect(zipToStates('96910').states).toEqual(['GU']);
    expect(zipToStates('00802').states).toEqual(['VI']);
  });

  it('lists every state of a ZIP that crosses a state line, USPS state first', () => {
    // Fort Campbell straddles Kentucky and Tennessee; Verdi, Nevada reaches into California.
    expect(zipToStates('42223')).toEqual({ zip: '42223', primary: 'KY', states: ['KY', 'TN'] });
    expect(zipToStates('89439')).toEqual({ zip: '89439', primary: 'NV', states: ['NV', 'CA'] });
    expect(zipToStates('20135').states).toEqual(['VA', 'WV']);
  });

  it.each(['12a45', '1234', '123456', '12345-67', '', '12345 6789'])('rejects the malformed ZIP %j', (zip) => {
    const e = zipError(zip);
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual({ zip: [ZIP_FORMAT_MESSAGE] });
  });

  it('rejects a non-string', () => {
    expect(zipError(12345).fieldErrors).toEqual({ zip: [ZIP_FORMAT_MESSAGE] });
  });

  it('rejects a ZIP nobody uses, naming it', () => {
    for (const zip of ['00000', '99999']) {
      expect(zipError(zip).fieldErrors).toEqual({
        zip: [`We could not find ZIP code ${zip}. Check it, or choose your state below.`],
      });
    }
  });

  it('asks military addresses for their voting state', () => {
    expect(zipError('09001').fieldErrors?.zip[0]).toMatch(/military.*state where you vote/);
  });
});
