import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from './permissions';

export type StaffRow = { id: string; email: string; name: string | null; role: Role; revokedAt: Date | null };

/** The staff row for an address (case-insensitive), revoked or not; null for strangers. */
export async function findStaffByEmail(email: string, db: DbOrTx = getDb()): Promise<StaffRow | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, revokedAt: users.revokedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  if (!row?.email) return null;
  return { ...row, email: row.email };
}
