import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senatorPositions, senators, treaties } from '@/db/schema';
import { cwcEnabled } from '@/lib/env';
import { validationError } from '@/lib/errors';
import { isUsStateCode, stateName } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { describeOfficeRoute, loadDeliveryInbox, type OfficeRoute } from './office-route';
import { loadPressure, pressureOf, type Pressure } from './constituent-pressure';
import { committeeMajority, senateArithmetic, vacanciesByState, type SenateArithmetic } from './senate-arithmetic';
import { STANCES, type Stance } from './set-senator-position';

export const YES_STANCES: readonly Stance[] = ['champion', 'supports', 'leaning_yes'];
export const PARTY_FILTERS = ['Democrat', 'Republican', 'Independent'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const flag = (v: unknown) => v === true || v === '1' || v === 'on' || v === 'true';

export const GetWhipCountInput = z.object({
  treatyId: z.preprocess(blank, z.uuid('Choose a treaty.').optional()),
  state: z.preprocess(blank, z.string().trim().toUpperCase().refine(isUsStateCode, 'Choose a state.').optional()),
  stance: z.preprocess(blank, z.enum(STANCES, 'Choose a stance.').optional()),
  party: z.preprocess(blank, z.enum(PARTY_FILTERS, 'Choose a party.').optional()),
  ssfr: z.preprocess(flag, z.boolean()).default(false),
  absent: z.preprocess(flag, z.boolean()).default(false),
});
export type GetWhipCountInput = z.input<typeof GetWhipCountInput>;

export type WhipRow = {
  id: string;
  officialName: string;
  state: string;
  stateName: string;
  party: string;
  ssfrMember: boolean;
  ssfrTitle: string | null;
  ssfrRank: number | null;
  /** Staff-set office address used by letter delivery (staff data, not a supporter's). */
  deliveryEmail: string | null;
  /** Staff's CWC override and switch, and where a letter to this office goes (routeLetter, office mode). */
  cwcOfficeCode: string | null;
  cwcEnabled: boolean;
  route: OfficeRoute;
  stance: Stance;
  statedOn: string | null;
  note: string | null;
  sourceUrl: string | null;
  expectedAbsent: boolean;
  pressure: Pressure;
};

export type CommitteeView = {
  members: WhipRow[];
  /** A majority of members reports the treaty favourably. */
  majority: number;
  yes: number;
  totals: Record<Stance, number>;
};

export type WhipCount = {
  treaty: { id: string; shortName: string } | null;
  /** The current senators matching the filters, by state then surname. */
  rows: WhipRow[];
  /** Over every current senator, whatever the filters. */
  totals: Record<Stance, number>;
  /** Yes votes among senators expected present. */
  yes: number;
  arithmetic: SenateArithmetic;
  needed: number;
  vacancies: { state: string; stateName: string; vacant: number }[];
  committee: CommitteeView;
  senatorCount: number;
  filters: { state?: string; stance?: Stance; party?: (typeof PARTY_FILTERS)[number]; ssfr: boolean; absent: boolean };
};

const zeroTotals = () => Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;

/**
 * The whip board: every current senator with their stance on one treaty, constituent pressure,
 * the votes needed (two-thirds of the senators present: seats − vacancies − expected absences),
 * and the Foreign Relations Committee.
 */
export async function getWhipCount({ actor, input = {} }: { actor: StaffActor; input?: GetWhipCountInput }): Promise<WhipCount> {
  assertCan(actor, 'campaigns:view');
  const parsed = GetWhipCountInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { treatyId, ...filters } = parsed.data;
  const db = getDb();

  const [treaty] = await db
    .select({ id: treaties.id, shortName: treaties.shortName })
    .from(treaties)
    .where(treatyId ? eq(treaties.id, treatyId) : undefined)
    .orderBy(asc(treaties.createdAt))
    .limit(1);

  const cwcOn = cwcEnabled();
  const inbox = await loadDeliveryInbox(db);
  const all = await db
    .select({
      id: senators.bioguideId,
      officialName: senators.officialName,
      state: senators.state,
      party: senators.party,
      ssfrMember: senators.ssfrMember,
      ssfrTitle: senators.ssfrTitle,
      ssfrRank: senators.ssfrRank,
      deliveryEmail: senators.deliveryEmail,
      senateClass: senators.senateClass,
      cwcOfficeCode: senators.cwcOfficeCode,
      cwcEnabled: senators.cwcEnabled,
      stance: senatorPositions.stance,
      statedOn: senatorPositions.statedOn,
      note: senatorPositions.note,
      sourceUrl: senatorPositions.sourceUrl,
      expectedAbsent: senatorPositions.expectedAbsent,
    })
    .from(senators)
    .leftJoin(
      senatorPositions,
      and(eq(senatorPositions.senatorId, senators.bioguideId), eq(senatorPositions.treatyId, treaty?.id ?? sql`null`)),
    )
    .where(eq(senators.isCurrent, true))
    .orderBy(asc(senators.state), asc(senators.lastName), asc(senators.firstName));
  const pressure = treaty ? await loadPressure(db, treaty.id) : { lettersBySenator: new Map(), signersByState: new Map(), callsBySenator: new Map() };

  const totals = zeroTotals();
  const committeeTotals = zeroTotals();
  const rows: WhipRow[] = [];
  const members: WhipRow[] = [];
  let yes = 0;
  let absent = 0;
  for (const s of all) {
    const { senateClass, ...rest } = s;
    const row: WhipRow = {
      ...rest,
      stateName: stateName(s.state),
      stance: s.stance ?? 'unknown',
      expectedAbsent: s.expectedAbsent ?? false,
      pressure: pressureOf(pressure, s.id, s.state),
      route: describeOfficeRoute({ ...s, senateClass }, inbox, cwcOn),
    };
    totals[row.stance] += 1;
    if (row.expectedAbsent) absent += 1;
    else if (YES_STANCES.includes(row.stance)) yes += 1;
    if (row.ssfrMember) {
      members.push(row);
      committeeTotals[row.stance] += 1;
    }
    if (filters.state && row.state !== filters.state) continue;
    if (filters.stance && row.stance !== filters.stance) continue;
    if (filters.party && row.party !== filters.party) continue;
    if (filters.ssfr && !row.ssfrMember) continue;
    if (filters.absent && !row.expectedAbsent) continue;
    rows.push(row);
  }
  const vacancies = vacanciesByState(all.map((s) => s.state)).map((v) => ({ ...v, stateName: stateName(v.state) }));
  const arithmetic = senateArithmetic({ vacant: vacancies.reduce((n, v) => n + v.vacant, 0), absent });
  members.sort((a, b) => (a.ssfrRank ?? 99) - (b.ssfrRank ?? 99) || a.officialName.localeCompare(b.officialName));
  return {
    treaty: treaty ?? null,
    rows,
    totals,
    yes,
    arithmetic,
    needed: arithmetic.needed,
    vacancies,
    committee: {
      members,
      majority: committeeMajority(members.length),
      yes: YES_STANCES.reduce((n, s) => n + committeeTotals[s], 0),
      totals: committeeTotals,
    },
    senatorCount: all.length,
    filters,
  };
}
