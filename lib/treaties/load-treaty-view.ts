import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { treaties, treatyStageEvents } from '@/db/schema';
import { loadSenateArithmetic } from '@/lib/senators/load-senate-arithmetic';
import type { SenateArithmetic } from '@/lib/senators/senate-arithmetic';
import { countParties, listTreatyParties } from './party-counts';

type TreatyRow = typeof treaties.$inferSelect;
export type TreatyStage = TreatyRow['stage'];

/** A treaty as the campaign page (and the editor's preview of it) shows it: facts, then its steps, oldest first. */
export type TreatyView = {
  name: string;
  shortName: string;
  summary: string | null;
  stage: TreatyStage;
  adoptedOn: string | null;
  usSignedOn: string | null;
  signatoriesCount: number | null;
  statesPartiesCount: number | null;
  countsAsOf: string | null;
  countsSource: string | null;
  senateTreatyDoc: string | null;
  /** Senators present and votes needed, from the roster and the staff's expected absences. */
  senate: SenateArithmetic;
  events: { stage: TreatyStage; occurredOn: string; note: string | null; sourceTitle: string | null; sourceUrl: string | null }[];
};

/** The facts every treaty view shows, from its row. */
export function treatyFacts(t: TreatyRow): Omit<TreatyView, 'events' | 'senate'> {
  return {
    name: t.name,
    shortName: t.shortName,
    summary: t.summary,
    stage: t.stage,
    adoptedOn: t.adoptedOn,
    usSignedOn: t.usSignedOn,
    signatoriesCount: t.signatoriesCount,
    statesPartiesCount: t.statesPartiesCount,
    countsAsOf: t.countsAsOf,
    countsSource: t.countsSource,
    senateTreatyDoc: t.senateTreatyDoc,
  };
}

export async function loadTreatyView(db: DbOrTx, t: TreatyRow): Promise<TreatyView> {
  const events = await db
    .select({
      stage: treatyStageEvents.stage,
      occurredOn: treatyStageEvents.occurredOn,
      note: treatyStageEvents.note,
      sourceTitle: treatyStageEvents.sourceTitle,
      sourceUrl: treatyStageEvents.sourceUrl,
    })
    .from(treatyStageEvents)
    .where(eq(treatyStageEvents.treatyId, t.id))
    .orderBy(asc(treatyStageEvents.occurredOn), asc(treatyStageEvents.createdAt));
  const facts = treatyFacts(t);
  // A list of countries, when staff keep one, is the source of the counts (never typed twice).
  const parties = await listTreatyParties(db, t.id);
  if (parties.length) {
    const c = countParties(parties);
    Object.assign(facts, { signatoriesCount: c.signatories, statesPartiesCount: c.parties, countsAsOf: c.asOf, countsSource: c.source });
  }
  return { ...facts, senate: await loadSenateArithmetic(db, t.id), events };
}
