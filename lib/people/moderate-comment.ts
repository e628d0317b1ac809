import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signatures } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { ModerateCommentInput } from './schemas';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';

export type ModerateCommentResult = { signatureId: string; commentStatus: 'approved' | 'hidden' };

/** Approve or hide a signer's comment; audited `comment.approve` / `comment.hide` (no comment text). */
export async function moderateComment({
  actor,
  input,
}: {
  actor: StaffActor;
  input: ModerateCommentInput;
}): Promise<ModerateCommentResult> {
  assertCan(actor, 'people:moderate');
  const parsed = ModerateCommentInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { signatureId, decision } = parsed.data;
  const commentStatus = decision === 'approve' ? 'approved' : 'hidden';

  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: signatures.commentStatus, campaignId: signatures.campaignId })
      .from(signatures)
      .where(and(eq(signatures.id, signatureId), isNotNull(signatures.comment)))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That comment no longer exists.');
    if (before.status === commentStatus) return { signatureId, commentStatus };

    await tx.update(signatures).set({ commentStatus }).where(eq(signatures.id, signatureId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: `comment.${decision}`,
      entityType: 'signature',
      entityId: signatureId,
      data: { campaignId: before.campaignId, from: before.status, to: commentStatus },
    });
    return { signatureId, commentStatus };
  });
}
