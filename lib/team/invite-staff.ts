import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { StaffUser } from '@/lib/auth/session-user';
import { kickDrain } from '@/lib/email/drain-loop';
import { enqueueEmail } from '@/lib/email/enqueue';
import { env } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import type { StaffMemberDto } from './dto';
import { assertCanManageStaff, assertMayTouchOwner } from './guards';
import { InviteStaffInput } from './schemas';

/** Add a colleague (a users row: that is what lets them sign in) and mail them an invitation. */
export async function inviteStaff({ actor, input }: { actor: StaffUser; input: InviteStaffInput }): Promise<StaffMemberDto> {
  assertCanManageStaff(actor);
  const parsed = InviteStaffInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { email, name, role, organisationId } = parsed.data;
  assertMayTouchOwner(actor, role);

  const created = await getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, revokedAt: users.revokedAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        existing.revokedAt
          ? `${email} is already on the team with revoked access: restore them instead.`
          : `${email} is already on the team.`,
        { email: ['This address is already on the team.'] },
      );
    }
    if (organisationId) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'partner'), isNull(organisations.retiredAt)));
      if (!org) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { organisationId: ['Choose an active partner organisation.'] });
    }
    // The unique index on email settles a race between two identical invitations.
    const [user] = await tx
      .insert(users)
      .values({ email, name: name ?? null, role, organisationId: organisationId ?? null, invitedBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!user) throw new AppError('CONFLICT', `${email} is already on the team.`, { email: ['This address is already on the team.'] });

    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, 'host')).limit(1);
    const signInUrl = new URL('/sign-in', env().APP_URL);
    signInUrl.searchParams.set('email', email);
    await enqueueEmail(tx, {
      template: 'staff-invite',
      to: email,
      props: { inviterName: actor.name || actor.email, role, signInUrl: signInUrl.href, coalitionName: org?.name ?? 'Ratify' },
      idempotencyKey: `staff-invite:${user.id}`,
    });
    await recordAudit(tx, {
      actor,
      action: 'staff.invite',
      entityType: 'user',
      entityId: user.id,
      data: organisationId ? { role, organisationId } : { role },
    });
    return user;
  });
  void kickDrain();

  return {
    id: created.id,
    email,
    name: created.name,
    role: created.role,
    status: 'invited',
    lastSignInAt: null,
    createdAt: created.createdAt.toISOString(),
  };
}
