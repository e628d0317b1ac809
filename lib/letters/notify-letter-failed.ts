import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaigns, letters, organisations, senators, supporters } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { createActionToken } from '@/lib/security/tokens';
import { senatorDisplayName } from './list-letter-deliveries';
import { buildSelfSendLinks, MAILTO_MAX } from './self-send-links';

const UNSUBSCRIBE_TTL_HOURS = 2 * 365 * 24;

/**
 * Tell the writer that their letter finally did not reach the office (refused by CWC, out of retries,
 * or the office address bounced), with links to send it themselves. In the transaction that marked
 * the letter failed; once per letter (the key), and never to a forgotten supporter.
 */
export async function notifyLetterFailed(tx: DbOrTx, letterId: string): Promise<void> {
  const [l] = await tx
    .select({
      supporterId: letters.supporterId,
      email: supporters.email,
      firstName: letters.firstName,
      subject: letters.subject,
      body: letters.body,
      officialName: senators.officialName,
      contactForm: senators.contactForm,
      campaignTitle: campaigns.title,
      coalitionName: organisations.name,
    })
    .from(letters)
    .innerJoin(supporters, eq(supporters.id, letters.supporterId))
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(eq(letters.id, letterId), isNull(supporters.forgottenAt)));
  if (!l?.email) return;
  const links = buildSelfSendLinks({ subject: l.subject, body: l.body, contactForm: l.contactForm });
  const unsubscribe = await createActionToken(tx, { purpose: 'unsubscribe', supporterId: l.supporterId, campaignId: null, ttlHours: UNSUBSCRIBE_TTL_HOURS });
  await enqueueEmail(tx, {
    template: 'letter-delivery-failed',
    to: l.email,
    props: {
      firstName: l.firstName.length <= 100 ? l.firstName : '',
      senatorName: senatorDisplayName(l.officialName),
      campaignTitle: l.campaignTitle,
      coalitionName: l.coalitionName,
      subject: l.subject,
      body: l.body,
      selfSend: {
        ...(links.mailto.length <= MAILTO_MAX ? { mailto: links.mailto } : {}),
        ...(links.gmail ? { gmail: links.gmail } : {}),
        ...(links.contactForm ? { contactForm: links.contactForm } : {}),
      },
      unsubscribeUrl: secretLink('/unsubscribe/{token}', unsubscribe),
    },
    idempotencyKey: `letter-failed:${letterId}`,
  });
}
