import type { z } from 'zod';
import type { SocialAccounts, StateOffice, senators } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { SENATE_STATE_CODES } from '@/lib/geo/us-states';
import type { RosterFile, RosterSource } from './read-roster-source';
import {
  CommitteeMembershipFile,
  DistrictOfficesFile,
  LegislatorsFile,
  SocialMediaFile,
  type Legislator,
} from './roster-schemas';

/** One row of `senators` as the import owns it (staff-set and bookkeeping columns excluded). */
export type RosterSenator = Required<
  Omit<typeof senators.$inferInsert, 'deliveryEmail' | 'cwcOfficeCode' | 'cwcEnabled' | 'isCurrent' | 'formerAt' | 'createdAt' | 'updatedAt'>
>;

// An AppError so a staff action shows the reason; the import's input is the file, hence VALIDATION.
export class RosterError extends AppError {
  constructor(message: string) {
    super('VALIDATION', message);
    this.name = 'RosterError';
  }
}

// When is a roster complete enough to replace the one we have? The Senate has 100 seats, 2 per state.
// A seat can be vacant for weeks (death or resignation before an appointment), so a state may have 1
// senator, but a truncated or filtered file looks the same from one state's view. Rule:
//  - every one of the 50 states has 1 or 2 senators, none has more, and no senator is outside them;
//  - at most MAX_VACANCIES states have only one (more simultaneous vacancies have not happened in
//    modern times), so 95 to 100 senators in all; no bioguide id appears twice;
//  - two senators of one state sit in different classes;
//  - the SSFR committee is listed with at least MIN_SSFR current senators on both sides;
//  - the offices and social files cover most senators (a cut-off file would cover only some).
export const ROSTER_RULES = {
  maxVacancies: 5,
  minSsfrMembers: 10,
  minOfficeCoverage: 0.8,
  minSocialCoverage: 0.7,
} as const;

function parseFile<T extends z.ZodType>(name: RosterFile, schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 5).map((issue) => {
    const [first, ...rest] = issue.path;
    // Name the record by its bioguide id rather than its position, so the line can be found.
    const record = typeof first === 'number' ? (data as { id?: { bioguide?: unknown } }[])[first]?.id?.bioguide : undefined;
    const where = [record ? `${String(first)} (${String(record)})` : first, ...rest].filter((p) => p !== undefined).join('.');
    return `  ${where || '(file)'}: ${issue.message}`;
  });
  const more = result.error.issues.length > 5 ? `\n  …and ${result.error.issues.length - 5} more problems` : '';
  throw new RosterError(`${name} does not have the expected format:\n${lines.join('\n')}${more}`);
}

/** Validate the four files and map them to senator rows; throws RosterError on anything incomplete. */
export function parseRoster(raw: RosterSource): RosterSenator[] {
  const legislators = parseFile('legislators-current', LegislatorsFile, raw['legislators-current']);
  const committees = raw['committee-membership-current'];
  if (!committees || typeof committees !== 'object' || !('SSFR' in committees)) {
    throw new RosterError('committee-membership-current has no SSFR (Senate Foreign Relations Committee) entry.');
  }
  const { SSFR } = parseFile('committee-membership-current', CommitteeMembershipFile, committees);
  const offices = parseFile('legislators-district-offices', DistrictOfficesFile, raw['legislators-district-offices']);
  const social = parseFile('legislators-social-media', SocialMediaFile, raw['legislators-social-media']);

  const sitting = legislators.filter((l) => l.terms[l.terms.length - 1].type === 'sen');
  checkSeats(sitting);

  const officesById = new Map(offices.map((o) => [o.id.bioguide, o.offices]));
  const socialById = new Map(social.map((s) => [s.id.bioguide, s.social]));
  const ssfrById = new Map(SSFR.map((m) => [m.bioguide, m]));
  const ids = new Set(sitting.map((l) => l.id.bioguide));

  const ssfrSitting = SSFR.filter((m) => ids.has(m.bioguide));
  if (
    ssfrSitting.length < ROSTER_RULES.minSsfrMembers ||
    !ssfrSitting.some((m) => m.party === 'majority') ||
    !ssfrSitting.some((m) => m.party === 'minority')
  ) {
    throw new RosterError(
      `committee-membership-current lists ${ssfrSitting.length} current senators on SSFR; expected at least ` +
        `${ROSTER_RULES.minSsfrMembers} from both the majority and the minority. The file looks partial.`,
    );
  }
  checkCoverage('legislators-district-offices', ids, officesById, ROSTER_RULES.minOfficeCoverage);
  checkCoverage('legislators-social-media', ids, socialById, ROSTER_RULES.minSocialCoverage);

  return sitting.map((l) => {
    const term = l.terms[l.terms.length - 1];
    const s = socialById.get(l.id.bioguide);
    const m = ssfrById.get(l.id.bioguide);
    return {
      bioguideId: l.id.bioguide,
      officialName: l.name.official_full ?? `${l.name.first} ${l.name.last}`,
      firstName: l.name.first,
      lastName: l.name.last,
      state: term.state,
      party: term.party!,
      senateClass: term.class!,
      stateRank: term.state_rank ?? null,
      termEnd: term.end,
      dcAddress: term.address ?? null,
      phone: term.phone ?? null,
      website: term.url ?? null,
      contactForm: term.contact_form ?? null,
      stateOffices: (officesById.get(l.id.bioguide) ?? []).map(
        (o): StateOffice => ({
          city: o.city ?? null,
          address: o.address ?? null,
          suite: o.suite ?? null,
          zip: o.zip ?? null,
          phone: o.phone ?? null,
        }),
      ),
      social: s ? socialAccounts(s) : {},
      ssfrMember: Boolean(m),
      ssfrRank: m?.rank ?? null,
      ssfrTitle: m?.title ?? null,
      ssfrParty: m?.party ?? null,
    };
  });
}

function checkSeats(sitting: Legislator[]) {
  const problems: string[] = [];
  const seen = new Set<string>();
  const byState = new Map<string, Legislator[]>();
  for (const l of sitting) {
    const term = l.terms[l.terms.length - 1];
    const who = `${l.id.bioguide} (${l.name.official_full ?? l.name.last})`;
    if (seen.has(l.id.bioguide)) problems.push(`${who} is listed twice`);
    seen.add(l.id.bioguide);
    if (!term.party) problems.push(`${who} has no party in their current term`);
    if (!term.class) problems.push(`${who} has no senate class in their current term`);
    if (!SENATE_STATE_CODES.includes(term.state)) problems.push(`${who} represents ${term.state}, which is not a state`);
    byState.set(term.state, [...(byState.get(term.state) ?? []), l]);
  }
  const missing = SENATE_STATE_CODES.filter((st) => !byState.has(st));
  if (missing.length) problems.push(`no senator for ${missing.join(', ')}`);
  const single = SENATE_STATE_CODES.filter((st) => byState.get(st)?.length === 1);
  if (single.length > ROSTER_RULES.maxVacancies) {
    problems.push(`${single.length} states have only one senator (at most ${ROSTER_RULES.maxVacancies} vacancies allowed)`);
  }
  for (const [st, list] of byState) {
    if (list.length > 2) problems.push(`${st} has ${list.length} senators`);
    const classes = list.map((l) => l.terms[l.terms.length - 1].class);
    if (list.length === 2 && classes[0] === classes[1]) problems.push(`both ${st} senators are in class ${classes[0]}`);
  }
  if (problems.length) {
    const head = `legislators-current lists ${sitting.length} senators; a complete roster has 100 (2 per state, ` +
      `allowing up to ${ROSTER_RULES.maxVacancies} vacancies). The file looks partial or wrong:`;
    const shown = problems.slice(0, 8).map((p) => `  - ${p}`);
    if (problems.length > 8) shown.push(`  …and ${problems.length - 8} more problems`);
    throw new RosterError(`${head}\n${shown.join('\n')}`);
  }
}

function checkCoverage(name: RosterFile, ids: Set<string>, byId: Map<string, unknown>, min: number) {
  const covered = [...ids].filter((id) => byId.has(id)).length;
  if (covered < Math.ceil(ids.size * min)) {
    throw new RosterError(
      `${name} has entries for only ${covered} of ${ids.size} senators (expected at least ${Math.round(min * 100)}%). ` +
        'The file looks partial.',
    );
  }
}

type RawSocial = z.output<typeof SocialMediaFile>[number]['social'];

function socialAccounts(s: RawSocial): SocialAccounts {
  const out: SocialAccounts = {};
  if (s.twitter) out.twitter = s.twitter;
  if (s.facebook) out.facebook = s.facebook;
  // `youtube` is a user name, `youtube_id` a channel id (starts with UC); keep whichever exists.
  const youtube = s.youtube ?? s.youtube_id;
  if (youtube) out.youtube = youtube;
  if (s.instagram) out.instagram = s.instagram;
  if (s.mastodon) out.mastodon = s.mastodon;
  if (s.bluesky) out.bluesky = s.bluesky;
  return out;
}
