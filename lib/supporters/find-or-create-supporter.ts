import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { supporters } from '@/db/schema';

export type SupporterRecord = {
  email: string;
  firstName: string;
  lastName: string;
  zip: string;
  state: string | null;
  city?: string | null;
  street?: string | null;
  /** The title CWC requires (Mr., Ms., Dr. …), when the letter form asked for one. */
  namePrefix?: string | null;
};

export type FoundSupporter = {
  id: string;
  emailVerified: boolean;
  created: boolean;
  forgotten: boolean;
  /** Cookies of "confirmed writers" issued before this are void (unsubscribe revokes them). */
  writerTrustRevokedAt: Date | null;
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Find the supporter behind an email (normalised here too), or create them with the typed record,
 * in the caller's transaction. An existing profile is NOT changed: anyone can type anyone's
 * address, so a profile changes only through a click its owner confirmed (applyConfirmedRecord).
 * The no-op update makes the statement wait for a concurrent insert of the same address and return
 * its id, instead of failing.
 */
export async function findOrCreateSupporter(tx: DbOrTx, input: SupporterRecord): Promise<FoundSupporter> {
  const [row] = await queryRows<{
    id: string;
    email_verified: boolean;
    created: boolean;
    forgotten: boolean;
    writer_trust_revoked_at: string | Date | null;
  }>(
    tx,
    sql`insert into supporters (email, first_name, last_name, zip, state, city, street, name_prefix)
        values (${normaliseEmail(input.email)}, ${input.firstName.trim()}, ${input.lastName.trim()},
                ${input.zip || null}, ${input.state || null}, ${input.city || null}, ${input.street || null}, ${input.namePrefix || null})
        on conflict (email) do update set email = excluded.email
        returning id, email_verified_at is not null as email_verified, (xmax = 0) as created,
                  forgotten_at is not null as forgotten, writer_trust_revoked_at`,
  );
  const revoked = row.writer_trust_revoked_at;
  return {
    id: row.id,
    emailVerified: row.email_verified,
    created: row.created,
    forgotten: row.forgotten,
    writerTrustRevokedAt: revoked ? new Date(revoked) : null,
  };
}

/**
 * The owner confirmed an action by a click on a link sent to their address: their profile takes
 * the record they typed for it (name, ZIP, state; city and street when given). Never for a
 * forgotten supporter.
 */
export async function applyConfirmedRecord(
  tx: DbOrTx,
  supporterId: string,
  record: { firstName: string; lastName: string; zip?: string | null; state?: string | null; city?: string | null; street?: string | null },
): Promise<void> {
  await tx
    .update(supporters)
    .set({
      firstName: record.firstName,
      lastName: record.lastName,
      zip: sql`coalesce(${record.zip || null}, ${supporters.zip})`,
      state: sql`coalesce(${record.state || null}, ${supporters.state})`,
      city: sql`coalesce(${record.city || null}, ${supporters.city})`,
      street: sql`coalesce(${record.street || null}, ${supporters.street})`,
      updatedAt: sql`now()`,
    })
    .where(sql`${eq(supporters.id, supporterId)} and ${supporters.forgottenAt} is null`);
}
