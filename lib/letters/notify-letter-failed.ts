import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaigns, letters, organisations, senators, supporters, users } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { env } from '@/lib/env';
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

/**
 * Tell the coalition's owners that an office address bounced for good (its letters now fail and the
 * drainer will not mail it again), at most once a day per address.
 */
export async function tellStaffOfficeBounced(tx: DbOrTx, letterId: string, address: string, detail: string | null): Promise<void> {
  const [l] = await tx
    .select({ officialName: senators.officialName, state: senators.state, coalitionName: organisations.name })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(eq(letters.id, letterId));
  if (!l) return;
  const owners = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.role, 'owner'), isNull(users.revokedAt)));
  const url = new URL('/dashboard/senators', env().APP_URL);
  url.searchParams.set('state', l.state);
  const day = new Date().toISOString().slice(0, 10);
  const key = createHash('sha256').update(address.toLowerCase()).digest('hex').slice(0, 16);
  for (const owner of owners) {
    if (!owner.email) continue;
    await enqueueEmail(tx, {
      template: 'office-address-bounced',
      to: owner.email,
      props: { senatorName: senatorDisplayName(l.officialName), address, detail: (detail ?? '').slice(0, 500), senatorsUrl: url.href, coalitionName: l.coalitionName },
      idempotencyKey: `office-bounced:${key}:${day}:${owner.id}`,
    });
  }
}
