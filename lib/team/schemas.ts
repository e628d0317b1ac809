import { z } from 'zod';
import { roles } from '@/lib/auth/permissions';

const userId = z.string().trim().min(1, 'Choose a team member.').max(100);
const role = z.enum(roles, { message: 'Choose a role.' });

export const InviteStaffInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter an email address, like name@example.org.').max(254, 'That address is too long.')),
  name: z
    .string()
    .trim()
    .max(120, 'Keep the name under 120 characters.')
    .optional()
    .transform((v) => v || undefined),
  role,
  /** The partner organisation of a `partner` (required for that role, refused for the others). */
  organisationId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Choose an organisation.').optional()),
}).superRefine((v, ctx) => {
  if (v.role === 'partner' && !v.organisationId) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Choose the partner organisation this person works for.' });
  if (v.role !== 'partner' && v.organisationId) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Only partner staff belong to a partner organisation.' });
});
export type InviteStaffInput = z.input<typeof InviteStaffInput>;

export const UpdateStaffRoleInput = z.object({ userId, role });
export type UpdateStaffRoleInput = z.input<typeof UpdateStaffRoleInput>;

export const RevokeStaffInput = z.object({ userId });
export type RevokeStaffInput = z.input<typeof RevokeStaffInput>;

export const RestoreStaffInput = z.object({ userId });
export type RestoreStaffInput = z.input<typeof RestoreStaffInput>;
