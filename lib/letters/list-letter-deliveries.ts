import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { letters, senators } from '@/db/schema';
import { buildSelfSendLinks } from './self-send-links';
import { selfSentToken } from './self-sent-token';
import type { LetterDelivery } from './types';

// The order the lookup shows them in: senior senator first.
export const seniorFirst = sql`case ${senators.stateRank} when 'senior' then 0 when 'junior' then 1 else 2 end`;

export const senatorDisplayName = (officialName: string) => `Senator ${officialName}`;

/** A supporter's letters for one campaign, with send-it-yourself links where they are needed. */
export async function listLetterDeliveries(
  db: DbOrTx,
  owner: { campaignId: string; supporterId: string },
): Promise<LetterDelivery[]> {
  const rows = await db
    .select({
      letterId: letters.id,
      senatorId: letters.senatorId,
      officialName: senators.officialName,
      contactForm: senators.contactForm,
      status: letters.status,
      channel: letters.channel,
      subject: letters.subject,
      body: letters.body,
    })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .where(and(eq(letters.campaignId, owner.campaignId), eq(letters.supporterId, owner.supporterId)))
    .orderBy(asc(letters.createdAt), seniorFirst, asc(senators.lastName));
  return withSentItLinks(rows.map((r) => toDelivery(r)));
}

/** Letters the writer sends themselves get their "I sent it" link. */
export async function withSentItLinks(list: LetterDelivery[]): Promise<LetterDelivery[]> {
  return Promise.all(list.map(async (l) => (l.selfSend ? { ...l, sentItPath: `/letters/sent/${await selfSentToken(l.letterId)}` } : l)));
}

export function toDelivery(r: {
  letterId: string;
  senatorId: string;
  officialName: string;
  contactForm: string | null;
  status: LetterDelivery['status'];
  channel: LetterDelivery['channel'];
  subject: string;
  body: string;
}): LetterDelivery {
  const needsSupporter = r.status === 'self_send' || r.status === 'failed';
  return {
    letterId: r.letterId,
    senatorId: r.senatorId,
    senatorName: senatorDisplayName(r.officialName),
    status: r.status,
    channel: r.channel,
    subject: r.subject,
    body: r.body,
    ...(needsSupporter ? { selfSend: buildSelfSendLinks({ subject: r.subject, body: r.body, contactForm: r.contactForm }) } : {}),
  };
}
