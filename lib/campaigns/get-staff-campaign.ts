import 'server-only';
import type { LetterVariants } from '@/db/schema/campaigns';
import type { Stance } from '@/db/schema/enum-values';
import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, organisations, senators, treaties } from '@/db/schema';
import { loadTreatyView } from '@/lib/treaties/load-treaty-view';
import { AppError } from '@/lib/errors';
import { stateName } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import type { PublicCampaign } from './get-public-campaign';
import { GetStaffCampaignInput, type CampaignContent, type CampaignStatus } from './schemas';

/** Who the editor's letter preview is addressed to: the Foreign Relations chair, or a made-up senator. */
export type SampleSenator = { name: string; lastName: string; stateName: string; title: string; fictional: boolean };

export type StaffCampaign = CampaignContent & {
  id: string;
  status: CampaignStatus;
  resultNote: string | null;
  /** The public Senate page: on or off, and which stances it shows. */
  senatePage: { public: boolean; stances: Stance[] };
  letterVariants: LetterVariants;
  callScripts: Partial<Record<string, string>>;
  archived: boolean;
  publishedAt: string | null;
  closedAt: string | null;
  /** The version token the editor's forms carry (optimistic concurrency). */
  updatedAt: string;
  organisationName: string;
  /** Whether routing letters to the coalition inbox is possible (the inbox is set). */
  coalitionInboxSet: boolean;
  treaty: PublicCampaign['treaty'];
  counts: { signatures: number; letters: number };
  refOnlyPartnerBox: boolean;
  sampleSenator: SampleSenator;
};

const FICTIONAL_SENATOR: SampleSenator = {
  name: 'Jordan Sample',
  lastName: 'Sample',
  stateName: 'Illinois',
  title: 'Senator',
  fictional: true,
};

/** Everything the editor and the draft preview show, drafts included. */
export async function getStaffCampaign({ actor, input }: { actor: StaffActor; input: GetStaffCampaignInput }): Promise<StaffCampaign> {
  assertCan(actor, 'campaigns:view');
  const parsed = GetStaffCampaignInput.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'That campaign does not exist.');
  const db = getDb();

  const [row] = await db
    .select({
      c: campaigns,
      t: treaties,
      organisationName: organisations.name,
      inbox: organisations.deliveryInboxEmail,
      signatures: sql<number>`(select count(*)::int from signatures s where s.campaign_id = campaigns.id)`,
      letters: sql<number>`(select count(*)::int from letters l where l.campaign_id = campaigns.id and l.status <> 'pending_confirmation')`,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(eq(campaigns.id, parsed.data.id));
  if (!row) throw new AppError('NOT_FOUND', 'That campaign does not exist.');
  const { c, t } = row;

  const [treaty, sampleSenator] = await Promise.all([
    loadTreatyView(db, t),
    findSampleSenator(),
  ]);

  return {
    id: c.id,
    title: c.title,
    slug: c.slug,
    summary: c.summary,
    storyMd: c.storyMd,
    treatyId: c.treatyId,
    petitionGoal: c.petitionGoal,
    goalAutoStep: c.goalAutoStep,
    signerVisibility: c.signerVisibility,
    refOnlyPartnerBox: c.refOnlyPartnerBox,
    commentModeration: c.commentModeration,
    letterSubjectTemplate: c.letterSubjectTemplate,
    letterBodyTemplate: c.letterBodyTemplate,
    requirePersonalSentence: c.requirePersonalSentence,
    deliveryMode: c.deliveryMode,
    status: c.status,
    resultNote: c.resultNote,
    senatePage: { public: c.senatePagePublic, stances: c.publicStances },
    letterVariants: c.letterVariants,
    callScripts: c.callScripts,
    archived: c.archivedAt !== null,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
    organisationName: row.organisationName,
    coalitionInboxSet: Boolean(row.inbox?.trim()),
    treaty,
    counts: { signatures: Number(row.signatures), letters: Number(row.letters) },
    sampleSenator,
  };
}

/** The chair of Foreign Relations (their office reads these letters first), else a fictional senator. */
async function findSampleSenator(): Promise<SampleSenator> {
  const [chair] = await getDb()
    .select({ name: senators.officialName, lastName: senators.lastName, state: senators.state })
    .from(senators)
    .where(and(eq(senators.isCurrent, true), eq(senators.ssfrMember, true), ilike(senators.ssfrTitle, 'chair%')))
    .orderBy(asc(senators.ssfrRank))
    .limit(1);
  if (!chair) return FICTIONAL_SENATOR;
  return { name: chair.name, lastName: chair.lastName, stateName: stateName(chair.state), title: 'Senator', fictional: false };
}
