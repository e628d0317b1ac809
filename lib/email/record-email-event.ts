import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { emailEvents, emailOutbox } from '@/db/schema';
import type { EmailEventType } from '@/db/schema/enum-values';
import { logger } from '@/lib/log/logger';
import { outboxHookFor } from './hooks';
import { suppressAddress } from './suppression';

// Resend's webhook payload (https://resend.com/docs/dashboard/webhooks/event-types), only the parts
// we use. Other event types (sent, opened, clicked …) are acknowledged and ignored.
const TYPES: Record<string, EmailEventType> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
};

export const ResendWebhookEvent = z.object({
  type: z.string().max(100),
  created_at: z.string().max(100).optional(),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      to: z.union([z.array(z.string().max(320)).max(50), z.string().max(320)]).optional(),
      bounce: z.object({ type: z.string().max(100).optional(), subType: z.string().max(100).optional(), message: z.string().max(2000).optional() }).optional(),
    })
    .passthrough(),
});
export type ResendWebhookEvent = z.infer<typeof ResendWebhookEvent>;

export type RecordEmailEventResult = { outcome: 'recorded' | 'ignored' | 'replayed'; type?: EmailEventType; outboxId?: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Record one verified webhook event, once (its webhook id is unique: a replay is refused), in one
 * transaction: the event row, the outbox row's latest delivery event, the domain's hook (a letter's
 * fate) and, for a hard bounce or a complaint, the suppression list.
 */
export async function recordEmailEvent({ webhookId, event }: { webhookId: string; event: ResendWebhookEvent }, db: Db = getDb()): Promise<RecordEmailEventResult> {
  const type = TYPES[event.type];
  if (!type) return { outcome: 'ignored' };
  const providerId = event.data.email_id ?? null;
  const to = event.data.to === undefined ? [] : Array.isArray(event.data.to) ? event.data.to : [event.data.to];
  // Resend: Permanent = the address cannot receive mail; Transient/Undetermined may clear up.
  const hardBounce = type === 'bounced' && event.data.bounce?.type === 'Permanent';
  const detail = type === 'bounced' ? [event.data.bounce?.type, event.data.bounce?.subType, event.data.bounce?.message].filter(Boolean).join(': ') || null : null;
  const occurredAt = event.created_at && !Number.isNaN(Date.parse(event.created_at)) ? new Date(event.created_at) : null;

  return db.transaction(async (tx) => {
    const [row] = providerId ? await tx.select().from(emailOutbox).where(eq(emailOutbox.providerMessageId, providerId)).limit(1).for('update') : [];
    const letterId = (row?.props as { letterId?: unknown } | undefined)?.letterId;
    const inserted = await tx
      .insert(emailEvents)
      .values({
        webhookId,
        type,
        providerMessageId: providerId,
        outboxId: row?.id ?? null,
        letterId: typeof letterId === 'string' && UUID.test(letterId) ? letterId : null,
        bounceType: event.data.bounce?.type ?? null,
        detail,
        occurredAt,
      })
      .onConflictDoNothing({ target: emailEvents.webhookId })
      .returning({ id: emailEvents.id });
    if (!inserted.length) return { outcome: 'replayed' as const };

    if (row) {
      await tx.update(emailOutbox).set({ deliveryEvent: type, deliveryEventAt: sql`now()`, updatedAt: sql`now()` }).where(eq(emailOutbox.id, row.id));
      await outboxHookFor(row.template)?.onEvent?.(tx, row, { type, hardBounce, detail });
    } else {
      logger.warn({ type, webhookId }, 'email event for a message the outbox does not know');
    }
    const addresses = row ? [row.toAddress] : to;
    if (hardBounce || type === 'complained') {
      for (const address of addresses) await suppressAddress(tx, address, hardBounce ? 'hard_bounce' : 'complaint', inserted[0].id);
    }
    return { outcome: 'recorded' as const, type, outboxId: row?.id ?? null };
  });
}
