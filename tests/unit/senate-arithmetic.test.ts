import { describe, expect, it } from 'vitest';
import { arithmeticExplained, arithmeticHeadline, committeeMajority, SENATE_SEATS, senateArithmetic, vacanciesByState, votesNeeded } from '@/lib/senators/senate-arithmetic';

describe('votes needed: ceil(2/3 × present)', () => {
  it.each([
    [100, 67],
    [99, 66],
    [98, 66],
    [97, 65],
    [96, 64],
    [3, 2],
    [0, 0],
  ])('%i present → %i', (present, needed) => expect(votesNeeded(present)).toBe(needed));

  it('matches Math.ceil(2p/3) for every Senate size and refuses nonsense', () => {
    for (let p = 0; p <= 100; p++) expect(votesNeeded(p)).toBe(Math.ceil((2 * p) / 3 - 1e-9) + 0);
    expect(() => votesNeeded(-1)).toThrow(RangeError);
    expect(() => votesNeeded(1.5)).toThrow(RangeError);
  });

  it('present = seats − vacant − absent, in words', () => {
    expect(SENATE_SEATS).toBe(100);
    const a = senateArithmetic({ vacant: 1, absent: 1 });
    expect(a).toEqual({ seats: 100, vacant: 1, absent: 1, present: 98, needed: 66 });
    expect(arithmeticHeadline(a)).toBe('98 senators present: 66 votes needed');
    expect(arithmeticExplained(a)).toBe('100 seats, 1 vacant, 1 expected absent: 98 present. Consent takes two-thirds of the senators present, rounded up: 66 of 98.');
    expect(arithmeticHeadline(senateArithmetic({ vacant: 0, absent: 1 }))).toBe('99 senators present: 66 votes needed');
  });

  it('finds vacant seats per state and a committee majority', () => {
    const full = vacanciesByState([]).length;
    expect(full).toBe(50);
    expect(vacanciesByState(['CA', 'CA', 'OR']).find((v) => v.state === 'OR')).toEqual({ state: 'OR', vacant: 1 });
    expect(vacanciesByState(['CA', 'CA']).find((v) => v.state === 'CA')).toBeUndefined();
    expect(committeeMajority(21)).toBe(11);
    expect(committeeMajority(22)).toBe(12);
  });
});
