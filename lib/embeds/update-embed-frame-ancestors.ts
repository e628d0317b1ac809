import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { nextVersion, versionStamp } from '@/lib/forms/fields';
import { lockCoalition } from '@/lib/organisations/lock-coalition';
import { FrameAncestorsField } from './frame-ancestors';
import { forgetEmbedFrameAncestors } from './get-embed-frame-ancestors';

export const UpdateEmbedFrameAncestorsInput = z.object({
  expectedUpdatedAt: versionStamp,
  /** `*`, origins one per line (or space- or comma-separated), or empty for the server's default. */
  embedFrameAncestors: FrameAncestorsField,
});
export type UpdateEmbedFrameAncestorsInput = z.input<typeof UpdateEmbedFrameAncestorsInput>;

/**
 * Set which sites may frame the coalition's embeds (owners/admins): stored normalised on the host
 * organisation, applied by proxy.ts to /embed/* within seconds on every instance. Refused when the
 * coalition's settings changed since the form was opened. Audited `coalition.embed_frame_ancestors`
 * with the list before and after (origins: no personal data).
 */
export async function updateEmbedFrameAncestors({ actor, input }: { actor: StaffActor; input: UpdateEmbedFrameAncestorsInput }): Promise<{ changed: boolean; value: string | null }> {
  assertCan(actor, 'organisations:manage');
  const parsed = UpdateEmbedFrameAncestorsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { expectedUpdatedAt, embedFrameAncestors: value } = parsed.data;

  const changed = await getDb().transaction(async (tx) => {
    const before = await lockCoalition(tx, expectedUpdatedAt);
    if (before.embedFrameAncestors === value) return false;
    await tx
      .update(organisations)
      .set({ embedFrameAncestors: value, updatedAt: nextVersion(before) })
      .where(eq(organisations.id, before.id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'coalition.embed_frame_ancestors',
      entityType: 'organisation',
      entityId: before.id,
      data: { from: before.embedFrameAncestors, to: value },
    });
    return true;
  });
  if (changed) forgetEmbedFrameAncestors();
  return { changed, value };
}
