import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations, users } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';
import type { StaffUser } from '@/lib/auth/session-user';

// The staff factory of the integration tests: staff rows inserted directly (e2e tests invite staff
// through the Team page instead: tests/e2e/support/staff.ts).

let seq = 0;

export async function makeStaff(role: Role, opts: { email?: string; revoked?: boolean; organisationId?: string } = {}): Promise<StaffUser> {
  const email = opts.email ?? `${role}-${++seq}-${Date.now()}@staff.test`;
  const [u] = await getDb()
    .insert(users)
    .values({ email, name: `${role} ${seq}`, role, organisationId: opts.organisationId ?? null, revokedAt: opts.revoked ? new Date() : null })
    .returning();
  return { id: u.id, email, name: u.name, role: u.role, organisationId: u.organisationId };
}

export async function makeCoalition(name = 'Test Coalition') {
  await getDb().insert(organisations).values({ slug: 'test-coalition', name, kind: 'host' });
}

export async function userRow(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row;
}
