import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { actionTokens, emailOutbox, letters, signatures, supporters } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { ERASED, FORGOTTEN_ADDRESS, ForgetPersonInput } from './schemas';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';


export type ForgetPersonResult = {
  supporterId: string;
  signatures: number;
  letters: number;
  emails: number;
};

/**
 * Erase a supporter's personal data while keeping anonymous counts.
 *
 * - supporters: email NULL, names '', zip/city/street/title NULL, forgotten_at and unsubscribed_at set
 *   (the coarse `state` stays: it is what per-state counts are made of).
 * - signatures: kept (campaign, state, source, opt-in, verification, dates); their record (name,
 *   ZIP, city) and comment erased.
 * - letters: kept (senator, channel, status, dates, state); the writer's record is erased and subject and body both become '[erased]',
 *   because either may carry the person's own words, name or town. Undelivered letters become
 *   `failed` ("supporter forgotten") so nothing is sent on their behalf afterwards.
 * - email_outbox: rows addressed to them get to_address 'forgotten'; those rows and the rows that
 *   carry their letters (props.letterId) lose props and rendered copies and are marked erased (a
 *   send finishing afterwards writes nothing back: lib/email/drain.ts); unsent ones become failed.
 * - action_tokens: deleted (the links in their inbox stop working).
 * The audit row (`person.forget`) names the supporter id and counts only.
 */
export async function forgetPerson({ actor, input }: { actor: StaffActor; input: ForgetPersonInput }): Promise<ForgetPersonResult> {
  assertCan(actor, 'people:forget');
  const parsed = ForgetPersonInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { supporterId } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [person] = await tx
      .select({ email: supporters.email, forgottenAt: supporters.forgottenAt })
      .from(supporters)
      .where(eq(supporters.id, supporterId))
      .for('update');
    if (!person) throw new AppError('NOT_FOUND', 'No such person.');
    if (person.forgottenAt) throw new AppError('CONFLICT', 'This person has already been forgotten.');

    const letterRows = await tx
      .select({ id: letters.id, outboxId: letters.outboxId })
      .from(letters)
      .where(eq(letters.supporterId, supporterId));
    const ids = letterRows.map((l) => l.id);
    const letterOutboxIds = letterRows.map((l) => l.outboxId).filter((id): id is string => !!id);

    // Outbox rows that name them: sent to their address, or carrying one of their letters.
    const byAddress = person.email ? sql`lower(${emailOutbox.toAddress}) = ${person.email.toLowerCase()}` : sql`false`;
    const byLetter = ids.length
      ? sql`(${emailOutbox.props} ->> 'letterId') in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`
      : sql`false`;
    const byOutboxId = letterOutboxIds.length ? inArray(emailOutbox.id, letterOutboxIds) : sql`false`;
    const outboxWhere = sql`(${byAddress} or ${byLetter} or ${byOutboxId})`;

    // Lock first so a drainer cannot be mid-way through writing a rendered copy back.
    const outboxRows = await tx.select({ id: emailOutbox.id }).from(emailOutbox).where(outboxWhere).for('update');
    const outboxIds = outboxRows.map((r) => r.id);
    if (outboxIds.length) {
      await tx
        .update(emailOutbox)
        .set({
          toAddress: sql`case when ${byAddress} then ${FORGOTTEN_ADDRESS} else ${emailOutbox.toAddress} end`,
          props: {},
          renderedSubject: null,
          renderedHtml: null,
          renderedText: null,
          // A drainer still sending one of these rows records the outcome but writes no copy back.
          erasedAt: sql`now()`,
          status: sql`case when ${emailOutbox.status} = 'sent' then 'sent'::outbox_status else 'failed'::outbox_status end`,
          lastError: sql`case when ${emailOutbox.status} = 'sent' then ${emailOutbox.lastError} else 'Recipient forgotten' end`,
          lockedUntil: null,
          updatedAt: sql`now()`,
        })
        .where(inArray(emailOutbox.id, outboxIds));
    }

    if (ids.length) {
      await tx
        .update(letters)
        .set({
          subject: ERASED,
          body: ERASED,
          firstName: '',
          lastName: '',
          zip: null,
          city: null,
          street: null,
          status: sql`case when ${letters.status} in ('pending_confirmation', 'queued') then 'failed'::letter_status else ${letters.status} end`,
          failureReason: sql`case when ${letters.status} in ('pending_confirmation', 'queued') then 'Supporter forgotten before delivery' else ${letters.failureReason} end`,
          // Supporter-channel letters were "delivered" to the person's own address.
          ...(person.email && {
            deliveredTo: sql`case when lower(${letters.deliveredTo}) = ${person.email.toLowerCase()} then ${FORGOTTEN_ADDRESS} else ${letters.deliveredTo} end`,
          }),
          updatedAt: sql`now()`,
        })
        .where(eq(letters.supporterId, supporterId));
    }

    const signatureRows = await tx
      .update(signatures)
      .set({ comment: null, commentStatus: 'none', firstName: '', lastName: '', zip: null, city: null })
      .where(eq(signatures.supporterId, supporterId))
      .returning({ id: signatures.id });

    await tx.delete(actionTokens).where(eq(actionTokens.supporterId, supporterId));

    await tx
      .update(supporters)
      .set({
        email: null,
        firstName: '',
        lastName: '',
        zip: null,
        city: null,
        street: null,
        namePrefix: null,
        forgottenAt: sql`now()`,
        unsubscribedAt: sql`coalesce(${supporters.unsubscribedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(supporters.id, supporterId));

    const result = { supporterId, signatures: signatureRows.length, letters: ids.length, emails: outboxIds.length };
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'person.forget',
      entityType: 'supporter',
      entityId: supporterId,
      data: { signatures: result.signatures, letters: result.letters, emails: result.emails },
    });
    return result;
  });
}
