import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { organisations, senatorPositions, senators, treaties } from '@/db/schema';
import { cwcEnabled } from '@/lib/env';
import { ROUTE_LABELS, routeLetter } from '@/lib/letters/route-letter';
import type { LetterChannel } from '@/lib/letters/types';
import { validationError } from '@/lib/errors';
import { isUsStateCode, stateName } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { STANCES, type Stance } from './set-senator-position';

/** Consent to a treaty takes two-thirds of the Senate: 67 votes when all 100 vote. */
export const VOTES_NEEDED = 67;
export const YES_STANCES: readonly Stance[] = ['champion', 'supports', 'leaning_yes'];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const GetWhipCountInput = z.object({
  treatyId: z.preprocess(blank, z.uuid('Choose a treaty.').optional()),
  state: z.preprocess(blank, z.string().trim().toUpperCase().refine(isUsStateCode, 'Choose a state.').optional()),
  stance: z.preprocess(blank, z.enum(STANCES, 'Choose a stance.').optional()),
  ssfr: z.preprocess((v) => v === true || v === '1' || v === 'on' || v === 'true', z.boolean()).default(false),
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
  /** Staff-set office address used by letter delivery (staff data, not a supporter's). */
  deliveryEmail: string | null;
  /** Staff's CWC override and switch, and where a letter to this office goes (routeLetter, office mode). */
  cwcOfficeCode: string | null;
  cwcEnabled: boolean;
  route: { channel: LetterChannel; label: string; detail: string | null };
  stance: Stance;
  note: string | null;
  sourceUrl: string | null;
};

export type WhipCount = {
  treaty: { id: string; shortName: string } | null;
  /** The current senators matching the filters, by state then surname. */
  rows: WhipRow[];
  /** Over every current senator, whatever the filters. */
  totals: Record<Stance, number>;
  yes: number;
  needed: number;
  senatorCount: number;
  filters: { state?: string; stance?: Stance; ssfr: boolean };
};

/** The roster with each senator's stance on one treaty, and the count of yes votes toward 67. */
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
  const [org] = await db.select({ inbox: organisations.deliveryInboxEmail }).from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  const inbox = org?.inbox ?? null;
  const all = await db
    .select({
      id: senators.bioguideId,
      officialName: senators.officialName,
      state: senators.state,
      party: senators.party,
      ssfrMember: senators.ssfrMember,
      ssfrTitle: senators.ssfrTitle,
      deliveryEmail: senators.deliveryEmail,
      senateClass: senators.senateClass,
      cwcOfficeCode: senators.cwcOfficeCode,
      cwcEnabled: senators.cwcEnabled,
      stance: senatorPositions.stance,
      note: senatorPositions.note,
      sourceUrl: senatorPositions.sourceUrl,
    })
    .from(senators)
    .leftJoin(
      senatorPositions,
      and(eq(senatorPositions.senatorId, senators.bioguideId), eq(senatorPositions.treatyId, treaty?.id ?? sql`null`)),
    )
    .where(eq(senators.isCurrent, true))
    .orderBy(asc(senators.state), asc(senators.lastName), asc(senators.firstName));

  const totals = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
  const rows: WhipRow[] = [];
  for (const s of all) {
    const { senateClass, ...rest } = s;
    const r = routeLetter({ cwcOn, mode: 'office', senator: { ...s, senateClass }, inbox });
    const detail = r.channel === 'cwc' ? `${r.officeCode}${r.codeSource === 'override' ? ' (set by staff)' : ' (from the roster)'}` : r.to;
    const row: WhipRow = { ...rest, stateName: stateName(s.state), stance: s.stance ?? 'unknown', route: { channel: r.channel, label: ROUTE_LABELS[r.channel], detail } };
    totals[row.stance] += 1;
    if (filters.state && row.state !== filters.state) continue;
    if (filters.stance && row.stance !== filters.stance) continue;
    if (filters.ssfr && !row.ssfrMember) continue;
    rows.push(row);
  }
  return {
    treaty: treaty ?? null,
    rows,
    totals,
    yes: YES_STANCES.reduce((n, s) => n + totals[s], 0),
    needed: VOTES_NEEDED,
    senatorCount: all.length,
    filters,
  };
}
