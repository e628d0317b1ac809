import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { senators } from '@/db/schema';
import type { UsState } from '@/lib/geo/us-states';
import type { SenatorCard, SenatorLookup, StateOption } from './schemas';

/** Current senators of one state, senior first. delivery_email never leaves the database. */
export async function listSenatorCards(db: DbOrTx, state: string): Promise<SenatorCard[]> {
  const rows = await db
    .select({
      bioguideId: senators.bioguideId,
      name: senators.officialName,
      firstName: senators.firstName,
      lastName: senators.lastName,
      party: senators.party,
      state: senators.state,
      stateRank: senators.stateRank,
      phone: senators.phone,
      dcAddress: senators.dcAddress,
      website: senators.website,
      contactForm: senators.contactForm,
      termEnd: senators.termEnd,
      ssfrMember: senators.ssfrMember,
      ssfrTitle: senators.ssfrTitle,
      ssfrRank: senators.ssfrRank,
      hasDeliveryEmail: sql<boolean>`coalesce(${senators.deliveryEmail}, '') <> ''`,
      social: senators.social,
    })
    .from(senators)
    .where(and(eq(senators.state, state), eq(senators.isCurrent, true)))
    .orderBy(
      sql`case ${senators.stateRank} when 'senior' then 0 when 'junior' then 1 else 2 end`,
      asc(senators.lastName),
    );
  return rows.map(({ ssfrMember, ssfrTitle, ssfrRank, ...r }) => ({
    ...r,
    ssfr: { member: ssfrMember, title: ssfrTitle, rank: ssfrRank },
  }));
}

function noSenatorsExplanation(place: UsState): string {
  const what = place.kind === 'district' ? 'is not a state' : 'is a US territory, not a state';
  const member =
    place.houseDelegateTitle === 'Resident Commissioner'
      ? 'a Resident Commissioner, a member of the House of Representatives who cannot vote on final passage of bills'
      : 'a Delegate to the House of Representatives, who can speak and serve on committees but cannot vote on final passage of bills';
  return (
    `${place.name} ${what}, so it has no senators. Its residents elect ${member}. ` +
    'Treaties are ratified by the Senate alone, so there is no one here for you to write to about this one. ' +
    'You can still sign the petition: every signature shows senators how many people want this treaty ratified.'
  );
}

/** The lookup answer for one state, territory or DC. */
export async function lookupState(
  db: DbOrTx,
  place: UsState,
  zip?: string,
  alternatives: StateOption[] = [],
): Promise<SenatorLookup> {
  const base = { ...(zip ? { zip } : {}), state: place.code, stateName: place.name };
  if (!place.votingSenators) return { kind: 'no_senators', ...base, explanation: noSenatorsExplanation(place) };
  const cards = await listSenatorCards(db, place.code);
  // No senators at all means no roster yet (the page says so), not two empty seats.
  return { kind: 'state', ...base, senators: cards, vacantSeats: cards.length > 0 ? Math.max(0, 2 - cards.length) : 0, alternatives };
}
