import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, emailOutbox, letters, senators, signatures, supporters } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { GetPersonInput } from './schemas';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type PersonDetail = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  zip: string | null;
  city: string | null;
  state: string | null;
  emailVerifiedAt: Date | null;
  unsubscribedAt: Date | null;
  forgottenAt: Date | null;
  createdAt: Date;
  signatures: {
    id: string;
    campaignTitle: string;
    /** The signature's own record: the name and ZIP typed when signing. */
    signedAsName: string;
    zip: string | null;
    state: string | null;
    source: string | null;
    optedIn: boolean;
    verifiedAt: Date | null;
    comment: string | null;
    commentStatus: 'none' | 'pending' | 'approved' | 'hidden';
    createdAt: Date;
  }[];
  letters: {
    id: string;
    campaignTitle: string;
    senatorName: string;
    senatorState: string;
    status: string;
    channel: string | null;
    failureReason: string | null;
    createdAt: Date;
    sentAt: Date | null;
  }[];
  /** Emails addressed to this person (no bodies: the template names what was sent). */
  emails: {
    id: string;
    template: string;
    status: string;
    attempts: number;
    createdAt: Date;
    sentAt: Date | null;
  }[];
};

/** Everything one supporter did and every email sent to them, for `people:view` staff. */
export async function getPerson({ actor, input }: { actor: StaffActor; input: GetPersonInput }): Promise<PersonDetail> {
  assertCan(actor, 'people:view');
  const parsed = GetPersonInput.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such person.');
  const { supporterId } = parsed.data;
  const db = getDb();

  const [person] = await db
    .select({
      id: supporters.id,
      firstName: supporters.firstName,
      lastName: supporters.lastName,
      email: supporters.email,
      zip: supporters.zip,
      city: supporters.city,
      state: supporters.state,
      emailVerifiedAt: supporters.emailVerifiedAt,
      unsubscribedAt: supporters.unsubscribedAt,
      forgottenAt: supporters.forgottenAt,
      createdAt: supporters.createdAt,
    })
    .from(supporters)
    .where(eq(supporters.id, supporterId));
  if (!person) throw new AppError('NOT_FOUND', 'No such person.');

  const [signatureRows, letterRows, emailRows] = await Promise.all([
    db
      .select({
        id: signatures.id,
        campaignTitle: campaigns.title,
        firstName: signatures.firstName,
        lastName: signatures.lastName,
        zip: signatures.zip,
        state: signatures.state,
        source: signatures.source,
        optedIn: signatures.optedIn,
        verifiedAt: signatures.verifiedAt,
        comment: signatures.comment,
        commentStatus: signatures.commentStatus,
        createdAt: signatures.createdAt,
      })
      .from(signatures)
      .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
      .where(eq(signatures.supporterId, supporterId))
      .orderBy(desc(signatures.createdAt)),
    db
      .select({
        id: letters.id,
        campaignTitle: campaigns.title,
        senatorName: senators.officialName,
        senatorState: senators.state,
        status: letters.status,
        channel: letters.channel,
        failureReason: letters.failureReason,
        createdAt: letters.createdAt,
        sentAt: letters.sentAt,
      })
      .from(letters)
      .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
      .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
      .where(eq(letters.supporterId, supporterId))
      .orderBy(desc(letters.createdAt)),
    // Supporter addresses are stored normalised (lower case), so equality uses the to_address index;
    // a forgotten person has no address left to match.
    person.email
      ? db
          .select({
            id: emailOutbox.id,
            template: emailOutbox.template,
            status: emailOutbox.status,
            attempts: emailOutbox.attempts,
            createdAt: emailOutbox.createdAt,
            sentAt: emailOutbox.sentAt,
          })
          .from(emailOutbox)
          .where(eq(emailOutbox.toAddress, person.email))
          .orderBy(desc(emailOutbox.createdAt))
          .limit(200)
      : Promise.resolve([]),
  ]);

  return {
    ...person,
    signatures: signatureRows.map(({ firstName, lastName, ...s }) => ({ ...s, signedAsName: `${firstName} ${lastName}`.trim() })),
    letters: letterRows,
    emails: emailRows,
  };
}
