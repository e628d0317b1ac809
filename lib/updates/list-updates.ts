import 'server-only';
import { count, desc, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignUpdates, campaigns, emailOutbox, organisations } from '@/db/schema';
import type { UpdateStatus } from '@/db/schema/enum-values';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { z } from 'zod';
import { countAudience } from './audience';
import { updateKeyPrefix } from './enqueue-update-batch';

export type UpdateProgress = { queued: number; sent: number; failed: number };
export type UpdateRow = {
  id: string;
  subject: string;
  bodyMd: string;
  status: UpdateStatus;
  scheduledAt: Date | null;
  audienceCount: number | null;
  enqueuedCount: number;
  createdAt: Date;
  progress: UpdateProgress;
};
export type CampaignUpdates = { campaign: { id: string; title: string; coalitionName: string }; audience: number; updates: UpdateRow[] };

/** A campaign's updates with their progress (from their outbox rows), and today's audience count. */
export async function listCampaignUpdates({ actor, campaignId }: { actor: StaffActor; campaignId: string }): Promise<CampaignUpdates> {
  assertCan(actor, 'updates:send');
  if (!z.uuid().safeParse(campaignId).success) throw new AppError('NOT_FOUND', 'No such campaign.');
  const db = getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, title: campaigns.title, coalitionName: organisations.name })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(eq(campaigns.id, campaignId));
  if (!campaign) throw new AppError('NOT_FOUND', 'No such campaign.');
  const rows = await db.select().from(campaignUpdates).where(eq(campaignUpdates.campaignId, campaignId)).orderBy(desc(campaignUpdates.createdAt)).limit(50);
  const updates = await Promise.all(
    rows.map(async (u) => {
      const counts =
        u.status === 'draft'
          ? []
          : await db
              .select({ status: emailOutbox.status, n: count() })
              .from(emailOutbox)
              .where(like(emailOutbox.idempotencyKey, `${updateKeyPrefix(u.id)}%`))
              .groupBy(emailOutbox.status);
      const by = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
      return {
        id: u.id,
        subject: u.subject,
        bodyMd: u.bodyMd,
        status: u.status,
        scheduledAt: u.scheduledAt,
        audienceCount: u.audienceCount,
        enqueuedCount: u.enqueuedCount,
        createdAt: u.createdAt,
        progress: { queued: (by.queued ?? 0) + (by.sending ?? 0), sent: by.sent ?? 0, failed: by.failed ?? 0 },
      };
    }),
  );
  return { campaign, audience: await countAudience(db, campaignId), updates };
}
