import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { campaigns, letters, senators, supporters } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { senatorDisplayName } from './list-letter-deliveries';
import { letterIdOfSelfSentToken } from './self-sent-token';

export const MarkLetterSelfSentInput = z.object({ token: z.string().min(1).max(100) });
export type MarkLetterSelfSentInput = z.input<typeof MarkLetterSelfSentInput>;

export type SelfSentLetter = {
  senatorName: string;
  campaign: { slug: string; title: string };
  /** Already counted as sent (by this link before, or delivered by us). */
  sent: boolean;
  /** Still the writer's to send: the page offers the button. */
  canReport: boolean;
};

const badLink = () => new AppError('NOT_FOUND', 'This link is not valid. Use the “I sent it” link in your receipt email.');
// A letter the writer was asked to send themselves, or one whose delivery to the office failed.
const REPORTABLE = ['self_send', 'failed'] as const;

async function find(db: Db, token: string) {
  const parsed = MarkLetterSelfSentInput.safeParse({ token });
  if (!parsed.success) throw badLink();
  const id = await letterIdOfSelfSentToken(parsed.data.token);
  if (!id) throw badLink();
  const [row] = await db
    .select({ id: letters.id, status: letters.status, officialName: senators.officialName, slug: campaigns.slug, title: campaigns.title })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
    .innerJoin(supporters, eq(supporters.id, letters.supporterId))
    .where(and(eq(letters.id, id), isNull(supporters.forgottenAt)));
  if (!row) throw badLink();
  return row;
}

const toDto = (r: Awaited<ReturnType<typeof find>>, status: string): SelfSentLetter => ({
  senatorName: senatorDisplayName(r.officialName),
  campaign: { slug: r.slug, title: r.title },
  sent: status === 'sent',
  canReport: (REPORTABLE as readonly string[]).includes(status),
});

/** What the "I sent it" page shows before the button (opening the link changes nothing: mail scanners open links). */
export async function getSelfSentLetter({ input }: { input: MarkLetterSelfSentInput }, db: Db = getDb()): Promise<SelfSentLetter> {
  const row = await find(db, input.token);
  return toDto(row, row.status);
}

/**
 * The writer reports that they sent a send-it-yourself letter: it counts as sent (channel supporter)
 * in the ledger and the tallies. Idempotent: a second press changes nothing. Audited, without an actor.
 */
export async function markLetterSelfSent({ input }: { input: MarkLetterSelfSentInput }, db: Db = getDb()): Promise<SelfSentLetter> {
  const row = await find(db, input.token);
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(letters)
      .set({ status: 'sent', channel: 'supporter', sentAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(letters.id, row.id), inArray(letters.status, [...REPORTABLE])))
      .returning({ id: letters.id });
    if (moved.length) {
      await recordAudit(tx, { actor: null, action: 'letter.self_sent', entityType: 'letter', entityId: row.id, data: { previousStatus: row.status } });
    }
    const [now] = await tx.select({ status: letters.status }).from(letters).where(eq(letters.id, row.id));
    return toDto(row, now.status);
  });
}
