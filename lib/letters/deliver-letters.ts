import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { letters, senators, supporters } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { AppError } from '@/lib/errors';
import { createActionToken } from '@/lib/security/tokens';
import { supporterFullName } from './letter-draft';
import { loadLetterCampaign } from './letter-campaign';
import { senatorDisplayName, seniorFirst, toDelivery } from './list-letter-deliveries';
import type { LetterChannel, LetterDelivery } from './types';

export const UNSUBSCRIBE_TOKEN_TTL_HOURS = 2 * 365 * 24;

const Email = z.email().max(254);
const usableEmail = (v: string | null | undefined) => (v && Email.safeParse(v.trim()).success ? v.trim() : null);
// The mail templates measure in UTF-16 units; a longer (emoji-rich) value is dropped, not cut mid-character.
const fits = (v: string | null | undefined, max: number) => (v && v.length <= max ? v : undefined);

/** Same letters → same key, so a retried confirmation never sends a second receipt. */
export function batchKey(letterIds: string[]): string {
  return createHash('sha256').update([...letterIds].sort().join(',')).digest('hex').slice(0, 20);
}

/**
 * Send a supporter's confirmed letters, in the caller's transaction (the confirmation's, or the
 * write's for an already-verified supporter). Per letter, by the campaign's delivery mode:
 *  - `office` and the senator has a staff-set address → emailed there (status queued; the drainer
 *    marks it sent or failed);
 *  - `coalition_inbox` and the coalition has an inbox → emailed there for hand delivery;
 *  - otherwise the supporter sends it (status self_send) with ready-made links.
 * Then one receipt to the supporter with the exact text of each letter and where it went.
 * Only `pending_confirmation` letters are touched (row-locked), so running this twice is harmless.
 */
export async function deliverLetters(
  tx: DbOrTx,
  owner: { campaignId: string; supporterId: string; letterIds?: string[] },
): Promise<LetterDelivery[]> {
  const campaign = await loadLetterCampaign(tx, { id: owner.campaignId });
  if (!campaign) throw new AppError('NOT_FOUND', 'We could not find this campaign.');
  const [supporter] = await tx.select({ email: supporters.email }).from(supporters).where(eq(supporters.id, owner.supporterId));
  if (!supporter?.email) return [];

  const pending = await tx
    .select({
      letterId: letters.id,
      senatorId: letters.senatorId,
      subject: letters.subject,
      body: letters.body,
      // The writer's record as typed for this letter (never the profile, which others cannot change
      // but which may be older or newer than this letter).
      firstName: letters.firstName,
      lastName: letters.lastName,
      city: letters.city,
      state: letters.state,
      officialName: senators.officialName,
      senatorState: senators.state,
      contactForm: senators.contactForm,
      deliveryEmail: senators.deliveryEmail,
    })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .where(
      and(
        eq(letters.campaignId, owner.campaignId),
        eq(letters.supporterId, owner.supporterId),
        eq(letters.status, 'pending_confirmation'),
        owner.letterIds ? inArray(letters.id, owner.letterIds) : undefined,
      ),
    )
    .orderBy(asc(letters.createdAt), seniorFirst, asc(senators.lastName))
    .for('update', { of: letters });
  if (pending.length === 0) return [];

  const inbox = usableEmail(campaign.deliveryInboxEmail);
  const delivered: LetterDelivery[] = [];

  for (const l of pending) {
    const office = usableEmail(l.deliveryEmail);
    let channel: LetterChannel = 'supporter';
    let to: string | null = null;
    if (campaign.deliveryMode === 'office' && office) [channel, to] = ['office_email', office];
    else if (campaign.deliveryMode === 'coalition_inbox' && inbox) [channel, to] = ['coalition_inbox', inbox];

    let outboxId: string | null = null;
    const supporterName = supporterFullName(l) || supporter.email;
    if (to) {
      outboxId = await enqueueEmail(tx, {
        template: 'letter-to-senator',
        to,
        props: {
          subject: l.subject,
          body: l.body,
          supporterName: fits(supporterName, 200) ?? supporter.email,
          supporterEmail: supporter.email,
          supporterCity: fits(l.city, 100),
          supporterState: l.state ?? l.senatorState,
          senatorName: senatorDisplayName(l.officialName),
          campaignTitle: campaign.title,
          coalitionName: campaign.organisationName,
          letterId: l.letterId,
        },
        idempotencyKey: `letter:${l.letterId}`,
      });
    }
    const [row] = await tx
      .update(letters)
      .set({
        status: to ? 'queued' : 'self_send',
        channel,
        // Frozen for the ledger; never shown to the public (staff contacts stay private).
        deliveredTo: to,
        outboxId,
        confirmedAt: sql`coalesce(${letters.confirmedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(letters.id, l.letterId))
      .returning({ status: letters.status, channel: letters.channel });
    delivered.push(toDelivery({ ...l, status: row.status, channel: row.channel }));
  }

  await sendReceipt(tx, {
    campaignId: owner.campaignId,
    supporterId: owner.supporterId,
    to: supporter.email,
    firstName: fits(pending[0].firstName, 100) ?? '',
    campaignTitle: campaign.title,
    coalitionName: campaign.organisationName,
    letters: delivered,
  });
  return delivered;
}

async function sendReceipt(
  tx: DbOrTx,
  r: {
    campaignId: string;
    supporterId: string;
    to: string;
    firstName: string;
    campaignTitle: string;
    coalitionName: string;
    letters: LetterDelivery[];
  },
) {
  const unsubscribe = await createActionToken(tx, {
    purpose: 'unsubscribe',
    supporterId: r.supporterId,
    campaignId: null,
    ttlHours: UNSUBSCRIBE_TOKEN_TTL_HOURS,
  });
  await enqueueEmail(tx, {
    template: 'letter-receipt',
    to: r.to,
    props: {
      firstName: r.firstName,
      campaignTitle: r.campaignTitle,
      coalitionName: r.coalitionName,
      unsubscribeUrl: secretLink('/unsubscribe/{token}', unsubscribe),
      letters: r.letters.map((l) => ({
        senatorName: l.senatorName,
        channel: l.channel ?? 'supporter',
        // The receipt says "the office of Senator X", never the staff-set address.
        deliveredTo: null,
        subject: l.subject,
        body: l.body,
        ...(l.selfSend
          ? {
              selfSend: {
                ...(l.selfSend.mailto.length <= 2000 ? { mailto: l.selfSend.mailto } : {}),
                gmail: l.selfSend.gmail,
                outlook: l.selfSend.outlook,
                ...(l.selfSend.contactForm ? { contactForm: l.selfSend.contactForm } : {}),
              },
            }
          : {}),
      })),
    },
    idempotencyKey: `letter-receipt:${r.campaignId}:${r.supporterId}:${batchKey(r.letters.map((l) => l.letterId))}`,
  });
}
