import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { treaties, treatyStageEvents } from '@/db/schema';
import { treatyFacts } from './load-treaty-view';
import { AppError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { GetTreatyInput, type TreatyStageValue } from './schemas';

export type StaffTreatyEvent = {
  id: string;
  stage: TreatyStageValue;
  occurredOn: string;
  note: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
};

export type StaffTreaty = {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  summary: string | null;
  stage: TreatyStageValue;
  adoptedOn: string | null;
  usSignedOn: string | null;
  signatoriesCount: number | null;
  statesPartiesCount: number | null;
  countsAsOf: string | null;
  countsSource: string | null;
  senateTreatyDoc: string | null;
  /** Version token for the facts form. */
  updatedAt: string;
  /** Newest first. */
  events: StaffTreatyEvent[];
};

/** One treaty with its stage history, for the treaty page. */
export async function getTreaty({ actor, input }: { actor: StaffActor; input: GetTreatyInput }): Promise<StaffTreaty> {
  assertCan(actor, 'campaigns:view');
  const parsed = GetTreatyInput.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'That treaty does not exist.');
  const db = getDb();
  const [t] = await db.select().from(treaties).where(eq(treaties.id, parsed.data.id));
  if (!t) throw new AppError('NOT_FOUND', 'That treaty does not exist.');
  const events = await db
    .select({
      id: treatyStageEvents.id,
      stage: treatyStageEvents.stage,
      occurredOn: treatyStageEvents.occurredOn,
      note: treatyStageEvents.note,
      sourceTitle: treatyStageEvents.sourceTitle,
      sourceUrl: treatyStageEvents.sourceUrl,
    })
    .from(treatyStageEvents)
    .where(eq(treatyStageEvents.treatyId, t.id))
    .orderBy(desc(treatyStageEvents.occurredOn), desc(treatyStageEvents.createdAt), asc(treatyStageEvents.id));
  return {
    id: t.id,
    slug: t.slug,
    ...treatyFacts(t),
    updatedAt: t.updatedAt.toISOString(),
    events,
  };
}
