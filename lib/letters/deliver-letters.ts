import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { letters, senators, supporters } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { AppError } from '@/lib/errors';
import { cwcEnabled, env } from '@/lib/env';
import { createActionToken } from '@/lib/security/tokens';
import { enqueueCwcLetter } from './cwc/enqueue-cwc-letter';
import { supporterFullName } from './letter-draft';
import { loadLetterCampaign } from './letter-campaign';
import { senatorDisplayName, seniorFirst, toDelivery, withSentItLinks } from './list-letter-deliveries';
import { routeLetter, usableEmail, type LetterRoute } from './route-letter';
import type { LetterDelivery } from './types';

export const UNSUBSCRIBE_TOKEN_TTL_HOURS = 2 * 365 * 24;

// The mail templates measure in UTF-16 units; a longer (emoji-rich) value is dropped, not cut mid-character.
const fits = (v: string | null | undefined, max: number) => (v && v.length <= max ? v : undefined);

/** Same letters → same key, so a retried confirmation never sends a second receipt. */
export function batchKey(letterIds: string[]): string {
  return createHash('sha256').update([...letterIds].sort().join(',')).digest('hex').slice(0, 20);
}

/**
 * Send a supporter's confirmed letters, in the caller's transaction (the confirmation's, or the
 * write's for an already-verified supporter). Per letter, routed by routeLetter (route-letter.ts):
 * a CWC message to the Senate office, an email to the office address staff set, an email to the
 * coalition's inbox (all status queued; the drainer marks them sent or failed), or the supporter
 * sends it (status self_send) with ready-made links. A letter that cannot be a CWC message (no street
 * address, say) takes the next route.
 * Then one receipt to the supporter with the exact text of each letter and where it went.
 * Only `pending_confirmation` letters are touched (row-locked), so running this twice is harmless.
 */
export async function deliverLetters(
  tx: DbOrTx,
  owner: { campaignId: string; supporterId: string; letterIds?: string[] },
): Promise<LetterDelivery[]> {
  const campaign = await loadLetterCampaign(tx, { id: owner.campaignId });
  if (!campaign) throw new AppError('NOT_FOUND', 'We could not find this campaign.');
  const [supporter] = await tx
    .select({ email: supporters.email, namePrefix: supporters.namePrefix, emailVerifiedAt: supporters.emailVerifiedAt })
    .from(supporters)
    .where(eq(supporters.id, owner.supporterId));
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
      street: letters.street,
      zip: letters.zip,
      officialName: senators.officialName,
      senatorState: senators.state,
      senateClass: senators.senateClass,
      cwcOfficeCode: senators.cwcOfficeCode,
      cwcEnabled: senators.cwcEnabled,
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

  const cwcOn = cwcEnabled();
  const delivered: LetterDelivery[] = [];

  for (const l of pending) {
    const senator = { state: l.senatorState, senateClass: l.senateClass, cwcOfficeCode: l.cwcOfficeCode, cwcEnabled: l.cwcEnabled, deliveryEmail: l.deliveryEmail };
    const routeFor = (skipCwc: boolean) => routeLetter({ cwcOn, mode: campaign.deliveryMode, senator, inbox: campaign.deliveryInboxEmail, skipCwc });
    let route: LetterRoute = routeFor(false);
    let outboxId: string | null = null;
    if (route.channel === 'cwc') {
      const cwc = await enqueueCwcLetter(tx, {
        letter: { id: l.letterId, subject: l.subject, body: l.body },
        constituent: {
          prefix: supporter.namePrefix,
          firstName: l.firstName,
          lastName: l.lastName,
          street: l.street,
          city: l.city,
          state: l.state ?? l.senatorState,
          zip: l.zip,
          email: supporter.email,
          emailVerified: !!supporter.emailVerifiedAt,
        },
        senator,
        campaign: {
          id: owner.campaignId,
          topic: campaign.cwcTopic,
          proOrCon: campaign.cwcProOrCon,
          organisationName: campaign.organisationName,
          organisationContactEmail: usableEmail(campaign.organisationContactEmail),
        },
      });
      if (cwc.queued) outboxId = cwc.outboxId;
      else route = routeFor(true);
    }
    const to = route.to;
    const supporterName = supporterFullName(l) || supporter.email;
    if (route.channel === 'office_email' || route.channel === 'coalition_inbox') {
      outboxId = await enqueueEmail(tx, {
        template: 'letter-to-senator',
        to: route.to,
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
        channel: route.channel,
        // Frozen for the ledger (for CWC: the office code); never shown to the public (staff contacts stay private).
        deliveredTo: to,
        outboxId,
        confirmedAt: sql`coalesce(${letters.confirmedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(letters.id, l.letterId))
      .returning({ status: letters.status, channel: letters.channel });
    delivered.push(toDelivery({ ...l, status: row.status, channel: row.channel }));
  }
  const withLinks = await withSentItLinks(delivered);

  await sendReceipt(tx, {
    campaignId: owner.campaignId,
    supporterId: owner.supporterId,
    to: supporter.email,
    firstName: fits(pending[0].firstName, 100) ?? '',
    campaignTitle: campaign.title,
    coalitionName: campaign.organisationName,
    letters: withLinks,
  });
  return withLinks;
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
  const appUrl = env().APP_URL.replace(/\/$/, '');
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
                ...(l.sentItPath ? { sentIt: `${appUrl}${l.sentItPath}` } : {}),
              },
            }
          : {}),
      })),
    },
    idempotencyKey: `letter-receipt:${r.campaignId}:${r.supporterId}:${batchKey(r.letters.map((l) => l.letterId))}`,
  });
}
