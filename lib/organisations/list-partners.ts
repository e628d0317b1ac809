import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type PartnerDto = {
  id: string;
  name: string;
  slug: string;
  website: string | null;
  logoUrl: string | null;
  privacyPolicyUrl: string | null;
  contactEmail: string | null;
  optInText: string | null;
  retired: boolean;
};

/** Every partner organisation, retired ones last, for the organisations page and the co-sponsor picker. */
export async function listPartners({ actor }: { actor: StaffActor }): Promise<PartnerDto[]> {
  assertCan(actor, 'campaigns:view');
  const rows = await getDb()
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'partner'))
    .orderBy(sql`${organisations.retiredAt} is not null`, asc(organisations.name));
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    website: o.website,
    logoUrl: o.logoUrl,
    privacyPolicyUrl: o.privacyPolicyUrl,
    contactEmail: o.contactEmail,
    optInText: o.optInText,
    retired: o.retiredAt !== null,
  }));
}
