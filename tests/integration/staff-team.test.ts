import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, sessions, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { inviteStaff } from '@/lib/team/invite-staff';
import { listStaff } from '@/lib/team/list-staff';
import { restoreStaff } from '@/lib/team/restore-staff';
import { revokeStaff } from '@/lib/team/revoke-staff';
import { updateStaffRole } from '@/lib/team/update-staff-role';
import { testDriver } from '../support/test-db';
import { makeCoalition, makeStaff, userRow } from './staff-fixtures';
import { rejection } from '../support/rejection';

async function audits(action: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.action, action));
}

async function addSession(userId: string, token = `tok-${userId}-${Math.random()}`) {
  await getDb()
    .insert(sessions)
    .values({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
  return token;
}

describe('inviteStaff', () => {
  it('creates the staff row, queues the invitation and audits it, in one go', async () => {
    await makeCoalition('Child Rights Coalition');
    const owner = await makeStaff('owner');
    const dto = await inviteStaff({ actor: owner, input: { email: '  New.Editor@Example.org ', name: 'Nia', role: 'editor' } });

    expect(dto).toMatchObject({ email: 'new.editor@example.org', name: 'Nia', role: 'editor', status: 'invited' });
    const row = await userRow(dto.id);
    expect(row.invitedBy).toBe(owner.id);
    expect(row.revokedAt).toBeNull();

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'new.editor@example.org'));
    expect(mail).toHaveLength(1);
    expect(mail[0].template).toBe('staff-invite');
    expect(mail[0].props).toMatchObject({ inviterName: owner.name, role: 'editor', coalitionName: 'Child Rights Coalition' });
    expect(String(mail[0].props.signInUrl)).toMatch(/\/sign-in\?email=new\.editor%40example\.org$/);

    const [a] = await audits('staff.invite');
    expect(a).toMatchObject({ actorUserId: owner.id, entityType: 'user', entityId: dto.id, data: { role: 'editor' } });
  });

  it('refuses an address already on the team, revoked or not, and rolls everything back', async () => {
    const owner = await makeStaff('owner');
    const existing = await makeStaff('viewer', { email: 'taken@example.org' });
    const e = await rejection(inviteStaff({ actor: owner, input: { email: 'TAKEN@example.org', role: 'editor' } }));
    expect(e.code).toBe('CONFLICT');
    expect(e.fieldErrors?.email).toBeDefined();
    await revokeStaff({ actor: owner, input: { userId: existing.id } });
    const e2 = await rejection(inviteStaff({ actor: owner, input: { email: 'taken@example.org', role: 'editor' } }));
    expect(e2.message).toMatch(/restore/);
    expect(await getDb().select().from(emailOutbox)).toHaveLength(0);
    expect(await audits('staff.invite')).toHaveLength(0);
  });

  it('validates the input with field errors', async () => {
    const owner = await makeStaff('owner');
    const e = await rejection(inviteStaff({ actor: owner, input: { email: 'not-an-email', role: 'wizard' as never } }));
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['email', 'role']);
  });

  it('lets only owners invite owners, and only managers invite at all', async () => {
    const admin = await makeStaff('admin');
    const editor = await makeStaff('editor');
    expect((await rejection(inviteStaff({ actor: admin, input: { email: 'o@example.org', role: 'owner' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(inviteStaff({ actor: editor, input: { email: 'v@example.org', role: 'viewer' } }))).code).toBe('FORBIDDEN');
    const ok = await inviteStaff({ actor: admin, input: { email: 'a2@example.org', role: 'admin' } });
    expect(ok.role).toBe('admin');
    const owner = await makeStaff('owner');
    expect((await inviteStaff({ actor: owner, input: { email: 'o2@example.org', role: 'owner' } })).role).toBe('owner');
  });
});

describe('updateStaffRole', () => {
  it('changes the role and audits from/to', async () => {
    const owner = await makeStaff('owner');
    const target = await makeStaff('viewer');
    const r = await updateStaffRole({ actor: owner, input: { userId: target.id, role: 'analyst' } });
    expect(r).toMatchObject({ from: 'viewer', to: 'analyst', changed: true });
    expect((await userRow(target.id)).role).toBe('analyst');
    const [a] = await audits('staff.role_change');
    expect(a).toMatchObject({ actorUserId: owner.id, entityId: target.id, data: { from: 'viewer', to: 'analyst' } });
  });

  it('is a no-op (no audit row) when the role does not change', async () => {
    const owner = await makeStaff('owner');
    const target = await makeStaff('editor');
    expect((await updateStaffRole({ actor: owner, input: { userId: target.id, role: 'editor' } })).changed).toBe(false);
    expect(await audits('staff.role_change')).toHaveLength(0);
  });

  it('never demotes the last owner', async () => {
    const owner = await makeStaff('owner');
    const e = await rejection(updateStaffRole({ actor: owner, input: { userId: owner.id, role: 'admin' } }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/last owner/);
    expect((await userRow(owner.id)).role).toBe('owner');
  });

  it('counts only active owners: a revoked second owner does not make the first demotable', async () => {
    const owner = await makeStaff('owner');
    await makeStaff('owner', { revoked: true });
    const e = await rejection(updateStaffRole({ actor: owner, input: { userId: owner.id, role: 'editor' } }));
    expect(e.code).toBe('CONFLICT');
  });

  it('lets an owner step down when another owner remains', async () => {
    const a = await makeStaff('owner');
    await makeStaff('owner');
    expect((await updateStaffRole({ actor: a, input: { userId: a.id, role: 'admin' } })).to).toBe('admin');
  });

  it('keeps admins away from owners: no promoting to owner, no changing an owner', async () => {
    const owner = await makeStaff('owner');
    await makeStaff('owner');
    const admin = await makeStaff('admin');
    const editor = await makeStaff('editor');
    expect((await rejection(updateStaffRole({ actor: admin, input: { userId: editor.id, role: 'owner' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(updateStaffRole({ actor: admin, input: { userId: owner.id, role: 'viewer' } }))).code).toBe('FORBIDDEN');
    expect((await userRow(owner.id)).role).toBe('owner');
    expect((await updateStaffRole({ actor: admin, input: { userId: editor.id, role: 'analyst' } })).to).toBe('analyst');
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const owner = await makeStaff('owner');
    expect((await rejection(updateStaffRole({ actor: owner, input: { userId: 'nope', role: 'viewer' } }))).code).toBe('NOT_FOUND');
  });

  it('lets exactly one of two simultaneous demotions of the last two owners succeed', async () => {
    const a = await makeStaff('owner');
    const b = await makeStaff('owner');
    const results = await Promise.allSettled([
      updateStaffRole({ actor: a, input: { userId: a.id, role: 'admin' } }),
      updateStaffRole({ actor: b, input: { userId: b.id, role: 'admin' } }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(AppError);
    expect((failed[0].reason as AppError).code).toBe('CONFLICT');
    const owners = await getDb().select().from(users).where(eq(users.role, 'owner'));
    expect(owners).toHaveLength(1);
  });

  it.runIf(testDriver() === 'postgres')(
    'holds under real concurrency on PostgreSQL: demote and revoke racing across many rounds',
    async () => {
      for (let round = 0; round < 10; round++) {
        const a = await makeStaff('owner');
        const b = await makeStaff('owner');
        const c = await makeStaff('admin');
        // Each owner removes the other while an admin-side change hits a third row: never zero owners.
        const results = await Promise.allSettled([
          updateStaffRole({ actor: a, input: { userId: b.id, role: 'editor' } }),
          revokeStaff({ actor: b, input: { userId: a.id } }),
          updateStaffRole({ actor: a, input: { userId: c.id, role: 'viewer' } }),
        ]);
        const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        for (const r of rejected) expect((r.reason as AppError).code).toBe('CONFLICT');
        const active = await getDb()
          .select()
          .from(users)
          .where(and(eq(users.role, 'owner')));
        expect(active.filter((u) => !u.revokedAt && (u.id === a.id || u.id === b.id))).toHaveLength(1);
        await getDb().delete(users).where(eq(users.id, c.id));
        await getDb().delete(users).where(eq(users.id, a.id));
        await getDb().delete(users).where(eq(users.id, b.id));
      }
    },
  );
});

describe('revokeStaff and restoreStaff', () => {
  it('revokes at once: marks the row and deletes every session of that user, audited', async () => {
    const owner = await makeStaff('owner');
    const target = await makeStaff('editor');
    await addSession(target.id);
    await addSession(target.id);
    const ownerSession = await addSession(owner.id);

    const r = await revokeStaff({ actor: owner, input: { userId: target.id } });
    expect(r).toMatchObject({ sessionsEnded: 2, changed: true });
    expect((await userRow(target.id)).revokedAt).toBeInstanceOf(Date);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, target.id))).toHaveLength(0);
    expect(await getDb().select().from(sessions).where(eq(sessions.sessionToken, ownerSession))).toHaveLength(1);
    const [a] = await audits('staff.revoke');
    expect(a).toMatchObject({ actorUserId: owner.id, entityId: target.id, data: { role: 'editor', sessionsEnded: 2 } });

    const again = await revokeStaff({ actor: owner, input: { userId: target.id } });
    expect(again.changed).toBe(false);
    expect(await audits('staff.revoke')).toHaveLength(1);
  });

  it('restores access, audited, keeping the role', async () => {
    const owner = await makeStaff('owner');
    const target = await makeStaff('analyst', { revoked: true });
    expect((await restoreStaff({ actor: owner, input: { userId: target.id } })).changed).toBe(true);
    const row = await userRow(target.id);
    expect(row.revokedAt).toBeNull();
    expect(row.role).toBe('analyst');
    expect(await audits('staff.restore')).toHaveLength(1);
  });

  it('refuses to revoke the last owner, or yourself', async () => {
    const owner = await makeStaff('owner');
    const admin = await makeStaff('admin');
    expect((await rejection(revokeStaff({ actor: owner, input: { userId: owner.id } }))).message).toMatch(/your own/);
    const other = await makeStaff('owner');
    await revokeStaff({ actor: other, input: { userId: owner.id } });
    // `other` is now the only active owner; another owner could not remove them, and admins never can.
    const e = await rejection(revokeStaff({ actor: admin, input: { userId: other.id } }));
    expect(e.code).toBe('FORBIDDEN');
    await restoreStaff({ actor: other, input: { userId: owner.id } });
    await updateStaffRole({ actor: owner, input: { userId: owner.id, role: 'admin' } });
    const last = await rejection(revokeStaff({ actor: { ...owner, role: 'owner' }, input: { userId: other.id } }));
    expect(last.code).toBe('CONFLICT');
    expect(last.message).toMatch(/last owner/);
  });

  it('keeps admins from revoking or restoring owners, and non-managers from anything', async () => {
    const owner = await makeStaff('owner');
    const revokedOwner = await makeStaff('owner', { revoked: true });
    const admin = await makeStaff('admin');
    const analyst = await makeStaff('analyst');
    const viewer = await makeStaff('viewer');
    expect((await rejection(revokeStaff({ actor: admin, input: { userId: owner.id } }))).code).toBe('FORBIDDEN');
    expect((await rejection(restoreStaff({ actor: admin, input: { userId: revokedOwner.id } }))).code).toBe('FORBIDDEN');
    expect((await rejection(revokeStaff({ actor: analyst, input: { userId: viewer.id } }))).code).toBe('FORBIDDEN');
    expect((await rejection(listStaff({ actor: analyst }))).code).toBe('FORBIDDEN');
    expect((await revokeStaff({ actor: admin, input: { userId: viewer.id } })).changed).toBe(true);
    expect(await audits('staff.revoke')).toHaveLength(1);
  });
});

describe('listStaff', () => {
  it('lists every staff member with a status', async () => {
    const owner = await makeStaff('owner');
    await getDb().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, owner.id));
    await makeStaff('editor');
    await makeStaff('viewer', { revoked: true });
    const list = await listStaff({ actor: owner });
    expect(list.map((s) => s.status).sort()).toEqual(['active', 'invited', 'revoked']);
    expect(list.at(-1)?.status).toBe('revoked');
    expect(list.find((s) => s.id === owner.id)?.lastSignInAt).not.toBeNull();
  });
});
