import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';

export type UpsertSupporterInput = {
  email: string;
  firstName: string;
  lastName: string;
  zip: string;
  state: string | null;
  city?: string | null;
  street?: string | null;
  namePrefix?: string | null;
};

export type UpsertedSupporter = { id: string; emailVerified: boolean; created: boolean };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * What an upsert keeps and replaces (shared with sign-petition's single-statement CTE): names,
 * ZIP and state are refreshed when given, city and street only when given, and the verified,
 * unsubscribed and forgotten markers are never touched — a form can never un-verify anyone.
 */
export const supporterUpsertSet: SQL = sql.raw(`
  first_name = coalesce(nullif(excluded.first_name, ''), supporters.first_name),
  last_name = coalesce(nullif(excluded.last_name, ''), supporters.last_name),
  zip = coalesce(excluded.zip, supporters.zip),
  state = coalesce(excluded.state, supporters.state),
  city = coalesce(excluded.city, supporters.city),
  street = coalesce(excluded.street, supporters.street),
  name_prefix = coalesce(excluded.name_prefix, supporters.name_prefix),
  updated_at = now()`);

/** Find or create the supporter behind an email (normalised here too), in the caller's transaction. */
export async function upsertSupporter(tx: DbOrTx, input: UpsertSupporterInput): Promise<UpsertedSupporter> {
  const [row] = await queryRows<{ id: string; email_verified: boolean; created: boolean }>(
    tx,
    sql`insert into supporters (email, first_name, last_name, zip, state, city, street, name_prefix)
        values (${normaliseEmail(input.email)}, ${input.firstName.trim()}, ${input.lastName.trim()},
                ${input.zip || null}, ${input.state || null}, ${input.city || null}, ${input.street || null},
                ${input.namePrefix || null})
        on conflict (email) do update set ${supporterUpsertSet}
        returning id, email_verified_at is not null as email_verified, (xmax = 0) as created`,
  );
  return { id: row.id, emailVerified: row.email_verified, created: row.created };
}
