import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';

/** After a magic link is redeemed: stamp last_sign_in_at and write `auth.sign_in`, together. */
export async function recordSignIn(user: { id: string; email: string | null }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      data: { method: 'email' },
    });
  });
}

/** Sign-out deletes the session row (Auth.js); the trail keeps who left and when. */
export async function recordSignOut(userId: string): Promise<void> {
  const db = getDb();
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await recordAudit(db, {
    actor: user,
    action: 'auth.sign_out',
    entityType: 'user',
    entityId: user.id,
  });
}
