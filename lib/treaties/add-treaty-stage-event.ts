import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, treaties, treatyStageEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AddTreatyStageEventInput, type TreatyStageValue } from './schemas';
import type { TreatyChange } from './update-treaty';

export type StageEventAdded = TreatyChange & { eventId: string; stage: TreatyStageValue };

/**
 * Record a step on the treaty's path (e.g. the Senate's consent) with its date and source. The
 * treaty's current stage becomes that of its latest event, so a backdated correction does not
 * overwrite a newer step. Audited `treaty.stage_event`.
 */
export async function addTreatyStageEvent({
  actor,
  input,
}: {
  actor: StaffActor;
  input: AddTreatyStageEventInput;
}): Promise<StageEventAdded> {
  assertCan(actor, 'campaigns:edit');
  const parsed = AddTreatyStageEventInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { treatyId, ...event } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [treaty] = await tx.select({ id: treaties.id, stage: treaties.stage }).from(treaties).where(eq(treaties.id, treatyId)).for('update');
    if (!treaty) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const [row] = await tx.insert(treatyStageEvents).values({ treatyId, ...event }).returning({ id: treatyStageEvents.id });
    const [latest] = await tx
      .select({ stage: treatyStageEvents.stage })
      .from(treatyStageEvents)
      .where(eq(treatyStageEvents.treatyId, treatyId))
      .orderBy(desc(treatyStageEvents.occurredOn), desc(treatyStageEvents.createdAt))
      .limit(1);
    const stage = latest.stage;
    await tx.update(treaties).set({ stage, updatedAt: new Date() }).where(eq(treaties.id, treatyId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'treaty.stage_event',
      entityType: 'treaty',
      entityId: treatyId,
      data: { eventId: row.id, stage: event.stage, occurredOn: event.occurredOn, currentStage: stage, previousStage: treaty.stage },
    });
    const linked = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.treatyId, treatyId));
    return { id: treatyId, changed: ['stage'], campaignIds: linked.map((c) => c.id), eventId: row.id, stage };
  });
}
