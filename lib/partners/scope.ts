import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export type OrganisationScope = { id: string; name: string; slug: string };

/**
 * The one organisation a people or referral query may read, decided here, in the service layer,
 * never by the page: a partner is pinned to its own organisation, and asking for another one by id
 * answers NOT_FOUND (as if it did not exist: no hint that it does). Host staff may name any partner.
 */
export async function resolveOrganisationScope(
  actor: StaffActor | null | undefined,
  permission: Permission,
  requestedId: string | undefined,
): Promise<OrganisationScope> {
  assertCan(actor, permission);
  let id = requestedId;
  if (actor.role === 'partner') {
    if (!actor.organisationId) throw new AppError('FORBIDDEN', 'Your account is not linked to an organisation.');
    if (requestedId && requestedId !== actor.organisationId) throw new AppError('NOT_FOUND', 'That organisation does not exist.');
    id = actor.organisationId;
  }
  if (!id) throw new AppError('VALIDATION', 'Choose an organisation.', { organisationId: ['Choose an organisation.'] });
  const [org] = await getDb()
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
    .from(organisations)
    .where(and(eq(organisations.id, id)));
  if (!org) throw new AppError('NOT_FOUND', 'That organisation does not exist.');
  return org;
}
