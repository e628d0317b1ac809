import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, senatorPositions, senators, treaties } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { stateName } from '@/lib/geo/us-states';
import { publicStanceOf, PUBLIC_YES, type PublicStanceView } from './public-stance';
import { committeeMajority, senateArithmetic, vacanciesByState, type SenateArithmetic } from './senate-arithmetic';

export type PublicSenator = {
  id: string;
  name: string;
  party: string;
  state: string;
  stateName: string;
  committee: { member: boolean; title: string | null };
} & PublicStanceView;

export type PublicSenate = {
  campaign: { slug: string; title: string; treatyShortName: string; treatyStage: string };
  arithmetic: SenateArithmetic;
  /** Senators whose published stance counts as yes. */
  publicYes: number;
  senators: PublicSenator[];
  vacancies: { state: string; stateName: string; vacant: number }[];
  committee: { members: PublicSenator[]; majority: number; publicYes: number };
};

/**
 * Where the Senate stands, as a campaign publishes it (`/c/[slug]/senate`): null unless the campaign
 * is live or closed and staff opted in. Notes, expected absences by name and unpublished stances
 * never leave this function; absences are counted in the arithmetic only.
 */
export async function getPublicSenate(campaignId: string): Promise<PublicSenate | null> {
  const db = getDb();
  const [c] = await db
    .select({
      slug: campaigns.slug,
      title: campaigns.title,
      treatyId: campaigns.treatyId,
      publicStances: campaigns.publicStances,
      treatyShortName: treaties.shortName,
      treatyStage: treaties.stage,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where(
      and(eq(campaigns.id, campaignId), eq(campaigns.senatePagePublic, true), inArray(campaigns.status, ['live', 'closed']), isNull(campaigns.archivedAt)),
    );
  if (!c) return null;

  const rows = await db
    .select({
      id: senators.bioguideId,
      name: senators.officialName,
      party: senators.party,
      state: senators.state,
      ssfrMember: senators.ssfrMember,
      ssfrTitle: senators.ssfrTitle,
      ssfrRank: senators.ssfrRank,
      stance: senatorPositions.stance,
      sourceUrl: senatorPositions.sourceUrl,
      statedOn: senatorPositions.statedOn,
      expectedAbsent: senatorPositions.expectedAbsent,
    })
    .from(senators)
    .leftJoin(senatorPositions, and(eq(senatorPositions.senatorId, senators.bioguideId), eq(senatorPositions.treatyId, c.treatyId)))
    .where(eq(senators.isCurrent, true))
    .orderBy(asc(senators.state), asc(senators.lastName));

  const published = c.publicStances as Stance[];
  let absent = 0;
  let publicYes = 0;
  const list: (PublicSenator & { rank: number | null })[] = rows.map((r) => {
    const view = publicStanceOf(r.stance ? { stance: r.stance, sourceUrl: r.sourceUrl, statedOn: r.statedOn } : null, published);
    if (r.expectedAbsent) absent++;
    else if (PUBLIC_YES.includes(view.stance)) publicYes++;
    return {
      id: r.id,
      name: r.name,
      party: r.party,
      state: r.state,
      stateName: stateName(r.state),
      committee: { member: r.ssfrMember, title: r.ssfrTitle },
      rank: r.ssfrRank,
      ...view,
    };
  });
  const vacancies = vacanciesByState(rows.map((r) => r.state)).map((v) => ({ ...v, stateName: stateName(v.state) }));
  const members = list.filter((s) => s.committee.member).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  const strip = (s: PublicSenator & { rank: number | null }): PublicSenator => {
    const { rank, ...rest } = s;
    void rank;
    return rest;
  };
  return {
    campaign: { slug: c.slug, title: c.title, treatyShortName: c.treatyShortName, treatyStage: c.treatyStage },
    arithmetic: senateArithmetic({ vacant: vacancies.reduce((n, v) => n + v.vacant, 0), absent }),
    publicYes,
    senators: list.map(strip),
    vacancies,
    committee: {
      members: members.map(strip),
      majority: committeeMajority(members.length),
      publicYes: members.filter((m) => PUBLIC_YES.includes(m.stance)).length,
    },
  };
}
