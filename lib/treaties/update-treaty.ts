import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, treaties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { nextVersion } from '@/lib/forms/fields';
import { TREATY_FACT_KEYS, UpdateTreatyInput } from './schemas';

export type TreatyChange = {
  id: string;
  changed: string[];
  /** Campaigns about this treaty: their public pages show it and need refreshing. */
  campaignIds: string[];
};

const STALE = 'Someone else saved this treaty after you opened it. Reload the page to see their changes, then make yours again.';

/** Edit a treaty's facts (not its stage: that follows the stage events). Audited `treaty.update`. */
export async function updateTreaty({ actor, input }: { actor: StaffActor; input: UpdateTreatyInput }): Promise<TreatyChange> {
  assertCan(actor, 'campaigns:edit');
  const parsed = UpdateTreatyInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt, ...facts } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(treaties).where(eq(treaties.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    if (before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError('CONFLICT', STALE);
    const changed = TREATY_FACT_KEYS.filter((k) => facts[k] !== before[k]);
    const linked = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.treatyId, id));
    if (changed.length === 0) return { id, changed, campaignIds: [] };

    const updatedAt = nextVersion(before);
    await tx.update(treaties).set({ ...facts, updatedAt }).where(eq(treaties.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'treaty.update',
      entityType: 'treaty',
      entityId: id,
      data: { fields: changed },
    });
    return { id, changed, campaignIds: linked.map((c) => c.id) };
  });
}
