import 'server-only';
import type { StaffActor } from '@/lib/auth/actor';
import { listPartners } from '@/lib/organisations/list-partners';

/**
 * For a partner page's picker: host staff get the partners to choose from and a default; a
 * partner gets nothing to choose (its own organisation is forced by the services anyway).
 */
export async function partnerChoices(actor: StaffActor, requested: string | undefined): Promise<{ partners: { id: string; name: string }[]; organisationId: string | undefined }> {
  if (actor.role === 'partner') return { partners: [], organisationId: requested };
  const partners = (await listPartners({ actor })).map((p) => ({ id: p.id, name: p.name }));
  return { partners, organisationId: requested || partners[0]?.id };
}
