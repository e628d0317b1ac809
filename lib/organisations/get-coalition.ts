import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';

export type CoalitionDto = { id: string; name: string; tagline: string | null; website: string | null };

/** The coalition running this instance (the first organisation; one per deployment for now). */
export async function getCoalition(): Promise<CoalitionDto> {
  const [org] = await getDb()
    .select({ id: organisations.id, name: organisations.name, tagline: organisations.tagline, website: organisations.website })
    .from(organisations)
    .where(eq(organisations.kind, 'host'))
    .limit(1);
  return org ?? { id: '', name: 'Ratify', tagline: null, website: null };
}
