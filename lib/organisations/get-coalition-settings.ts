import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';

export type CoalitionSettings = {
  id: string;
  name: string;
  tagline: string | null;
  website: string | null;
  logoUrl: string | null;
  privacyPolicyUrl: string | null;
  contactEmail: string | null;
  optInText: string | null;
  deliveryInboxEmail: string | null;
  /** Sites that may frame /embed/*, as stored (null: the server's default below applies). */
  embedFrameAncestors: string | null;
  /** EMBED_FRAME_ANCESTORS, or `*`. */
  embedFrameAncestorsDefault: string;
  slug: string;
  /** Version token for the settings form. */
  updatedAt: string;
};

/** The coalition's editable settings, for the settings page (staff managers only). */
export async function getCoalitionSettings({ actor }: { actor: StaffActor }): Promise<CoalitionSettings> {
  assertCan(actor, 'staff:manage');
  const [org] = await getDb().select().from(organisations).where(eq(organisations.kind, 'host')).limit(1);
  if (!org) throw new AppError('NOT_FOUND', 'The coalition has not been set up yet.');
  return {
    id: org.id,
    name: org.name,
    tagline: org.tagline,
    website: org.website,
    logoUrl: org.logoUrl,
    privacyPolicyUrl: org.privacyPolicyUrl,
    contactEmail: org.contactEmail,
    optInText: org.optInText,
    deliveryInboxEmail: org.deliveryInboxEmail,
    embedFrameAncestors: org.embedFrameAncestors,
    embedFrameAncestorsDefault: env().EMBED_FRAME_ANCESTORS,
    slug: org.slug,
    updatedAt: org.updatedAt.toISOString(),
  };
}
