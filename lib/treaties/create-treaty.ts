import 'server-only';
import { getDb } from '@/db/client';
import { treaties, treatyStageEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { validationError } from '@/lib/errors';
import { slugify } from '@/lib/campaigns/schemas';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { CreateTreatyInput } from './schemas';

/**
 * Add a treaty a coalition campaigns on. Its stage is never typed in directly: the form's stage
 * and date become the first stage event, so the public page can show how and when it got there.
 * Audited `treaty.create`.
 */
export async function createTreaty({ actor, input }: { actor: StaffActor; input: CreateTreatyInput }): Promise<{ id: string; slug: string }> {
  assertCan(actor, 'campaigns:edit');
  const parsed = CreateTreatyInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { stage, stageOn, stageSourceTitle, stageSourceUrl, slug: givenSlug, ...facts } = parsed.data;
  const slug = givenSlug ?? slugify(facts.shortName);
  if (!slug) {
    throw validationError([{ path: ['slug'], message: 'Enter a short address: the short name has too few letters to make one.' }]);
  }

  return getDb().transaction(async (tx) => {
    // The unique slug decides, so two colleagues saving the same address at once get the same answer.
    const [row] = await tx
      .insert(treaties)
      .values({ ...facts, slug, stage })
      .onConflictDoNothing({ target: treaties.slug })
      .returning({ id: treaties.id });
    if (!row) throw validationError([{ path: ['slug'], message: 'Another treaty already uses this short address.' }]);
    await tx.insert(treatyStageEvents).values({
      treatyId: row.id,
      stage,
      occurredOn: stageOn,
      sourceTitle: stageSourceTitle,
      sourceUrl: stageSourceUrl,
    });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'treaty.create',
      entityType: 'treaty',
      entityId: row.id,
      data: { slug, shortName: facts.shortName, stage, stageOn },
    });
    return { id: row.id, slug };
  });
}
