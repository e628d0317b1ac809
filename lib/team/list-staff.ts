import 'server-only';
import { asc, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/session-user';
import { staffStatus, type StaffMemberDto } from './dto';
import { assertCanManageStaff } from './guards';

export async function listStaff({ actor }: { actor: StaffUser }): Promise<StaffMemberDto[]> {
  assertCanManageStaff(actor);
  const rows = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      revokedAt: users.revokedAt,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(isNotNull(users.email))
    .orderBy(sql`${users.revokedAt} is not null`, asc(users.email)); // revoked last
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? '',
    name: r.name,
    role: r.role,
    status: staffStatus(r),
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
