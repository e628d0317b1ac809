import { US_STATES } from '@/lib/geo/us-states';

// Client-safe and pure: the board, the public page and the CSV all word the count from here.

/** Two seats for each state with voting senators (territories and DC have none). */
export const SENATE_SEATS = US_STATES.filter((s) => s.votingSenators).length * 2;

/**
 * Consent to a treaty takes two-thirds of the senators present and voting (Constitution, Art. II §2).
 * Integer arithmetic, so 2/3 never rounds the wrong way in floating point: ceil(2p/3) = floor((2p+2)/3).
 */
export function votesNeeded(present: number): number {
  if (!Number.isInteger(present) || present < 0) throw new RangeError(`present must be a whole number ≥ 0, got ${present}`);
  return Math.floor((2 * present + 2) / 3);
}

/** A simple majority of a committee's members reports a treaty favourably. */
export function committeeMajority(members: number): number {
  return Math.floor(members / 2) + 1;
}

export type SenateArithmetic = {
  seats: number;
  vacant: number;
  absent: number;
  present: number;
  needed: number;
};

/** Present = seats − vacant seats − senators expected absent; needed = two-thirds of present, rounded up. */
export function senateArithmetic({ seats = SENATE_SEATS, vacant, absent }: { seats?: number; vacant: number; absent: number }): SenateArithmetic {
  const present = Math.max(0, seats - vacant - absent);
  return { seats, vacant, absent, present, needed: votesNeeded(present) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "98 senators present: 66 votes needed". */
export function arithmeticHeadline(a: SenateArithmetic): string {
  return `${plural(a.present, 'senator', 'senators')} present: ${plural(a.needed, 'vote', 'votes')} needed`;
}

/** "100 seats, 1 vacant, 1 expected absent → 98 present; two-thirds of 98, rounded up, is 66." */
export function arithmeticExplained(a: SenateArithmetic): string {
  const parts = [plural(a.seats, 'seat', 'seats')];
  if (a.vacant) parts.push(`${a.vacant} vacant`);
  if (a.absent) parts.push(`${a.absent} expected absent`);
  return `${parts.join(', ')}: ${a.present} present. Consent takes two-thirds of the senators present, rounded up: ${a.needed} of ${a.present}.`;
}

/** Vacant seats per state: a voting state with fewer than two current senators has an empty seat. */
export function vacanciesByState(currentStates: readonly string[]): { state: string; vacant: number }[] {
  const counts = new Map<string, number>();
  for (const s of currentStates) counts.set(s, (counts.get(s) ?? 0) + 1);
  return US_STATES.filter((s) => s.votingSenators)
    .map((s) => ({ state: s.code, vacant: Math.max(0, 2 - (counts.get(s.code) ?? 0)) }))
    .filter((v) => v.vacant > 0);
}
