import 'server-only';
import { desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, treaties } from '@/db/schema';
import { validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { ListStaffCampaignsInput, type CampaignStatus } from './schemas';

export type StaffCampaignRow = {
  id: string;
  title: string;
  slug: string;
  status: CampaignStatus;
  archived: boolean;
  treatyShortName: string;
  /** Every signature, confirmed or not (what the public count shows). */
  signatures: number;
  /** Letters confirmed by their writers (queued, sent, handed to the supporter or failed). */
  letters: number;
  updatedAt: Date;
};

/** The campaigns list: current ones, or the archive. Counts only, no supporter data. */
export async function listStaffCampaigns({
  actor,
  input = {},
}: {
  actor: StaffActor;
  input?: ListStaffCampaignsInput;
}): Promise<StaffCampaignRow[]> {
  assertCan(actor, 'campaigns:view');
  const parsed = ListStaffCampaignsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);

  const rows = await getDb()
    .select({
      id: campaigns.id,
      title: campaigns.title,
      slug: campaigns.slug,
      status: campaigns.status,
      archivedAt: campaigns.archivedAt,
      treatyShortName: treaties.shortName,
      signatures: sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id)`,
      letters: sql<number>`(select count(*)::int from letters l where l.campaign_id = campaigns.id and l.status <> 'pending_confirmation')`,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where(parsed.data.archived ? isNotNull(campaigns.archivedAt) : isNull(campaigns.archivedAt))
    .orderBy(desc(campaigns.updatedAt));

  return rows.map(({ archivedAt, signatures, letters, ...r }) => ({
    ...r,
    archived: archivedAt !== null,
    signatures: Number(signatures),
    letters: Number(letters),
  }));
}
