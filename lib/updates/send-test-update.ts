import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignUpdates, campaigns, organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { enqueueEmail } from '@/lib/email/enqueue';
import { env } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import { audienceReason } from './audience';
import { UpdateIdInput } from './schemas';

/**
 * Send the update to the staff member themselves, exactly as supporters will get it (its unsubscribe
 * link points at the update's own page, so pressing it unsubscribes nobody). Audited `update.test`.
 */
export async function sendTestUpdate({ actor, input }: { actor: StaffActor; input: UpdateIdInput }): Promise<{ to: string }> {
  assertCan(actor, 'updates:send');
  const parsed = UpdateIdInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  if (!actor.email) throw new AppError('CONFLICT', 'Your account has no email address to send a test to.');
  const to = actor.email;
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .select({ update: campaignUpdates, campaignTitle: campaigns.title, coalitionName: organisations.name })
      .from(campaignUpdates)
      .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
      .where(eq(campaignUpdates.id, parsed.data.updateId));
    if (!u) throw new AppError('NOT_FOUND', 'No such update.');
    await enqueueEmail(tx, {
      template: 'staff-update-test',
      to,
      props: {
        firstName: '',
        subject: `[Test] ${u.update.subject}`.slice(0, 200),
        bodyText: u.update.bodyMd,
        coalitionName: u.coalitionName,
        reason: audienceReason(u.campaignTitle, u.coalitionName),
        unsubscribeUrl: `${env().APP_URL.replace(/\/$/, '')}/dashboard/campaigns/${u.update.campaignId}/updates`,
      },
      idempotencyKey: `update-test:${u.update.id}:${randomUUID()}`,
    });
    await recordAudit(tx, { actor: auditActor(actor), action: 'update.test', entityType: 'campaign_update', entityId: u.update.id });
    return { to };
  });
}
