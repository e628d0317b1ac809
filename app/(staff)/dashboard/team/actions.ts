'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/forms/staff-action';
import { inviteStaff } from '@/lib/team/invite-staff';
import { restoreStaff } from '@/lib/team/restore-staff';
import { revokeStaff } from '@/lib/team/revoke-staff';
import { InviteStaffInput, RestoreStaffInput, RevokeStaffInput, UpdateStaffRoleInput } from '@/lib/team/schemas';
import { updateStaffRole } from '@/lib/team/update-staff-role';

const refresh = () => revalidatePath('/dashboard/team');

export const inviteStaffAction = staffAction({
  permission: 'staff:manage',
  fields: ['email', 'name', 'role', 'organisationId'],
  schema: InviteStaffInput,
  run: (actor, input) => inviteStaff({ actor, input }),
  done: (invited) => ({ message: `Invitation sent to ${invited.email}.`, revalidate: refresh }),
});

export const updateStaffRoleAction = staffAction({
  permission: 'staff:manage',
  fields: [],
  hidden: ['userId', 'role'],
  schema: UpdateStaffRoleInput,
  run: (actor, input) => updateStaffRole({ actor, input }),
  done: (r) => ({ message: r.changed ? `Saved: now ${r.to}.` : 'No change.', revalidate: refresh }),
});

export const revokeStaffAction = staffAction({
  permission: 'staff:manage',
  fields: [],
  hidden: ['userId'],
  schema: RevokeStaffInput,
  run: (actor, input) => revokeStaff({ actor, input }),
  done: (r) => ({ message: `Access revoked for ${r.email}.`, revalidate: refresh }),
});

export const restoreStaffAction = staffAction({
  permission: 'staff:manage',
  fields: [],
  hidden: ['userId'],
  schema: RestoreStaffInput,
  run: (actor, input) => restoreStaff({ actor, input }),
  done: (r) => ({ message: `Access restored for ${r.email}.`, revalidate: refresh }),
});
