import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, organisations, treaties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { CreateCampaignInput } from './schemas';
import { claimSlug, withSlugRace } from './staff-campaign-tx';

export type CreatedCampaign = { id: string; slug: string };

// A new campaign starts with a letter that works, so staff edit rather than start from nothing.
export const DEFAULT_LETTER_SUBJECT = 'Please support ratification of the {{treaty_short_name}}';
export const DEFAULT_LETTER_BODY = `Dear {{senator_title}} {{senator_last_name}},

As your constituent in {{supporter_city_state}}, I am writing to ask you to support Senate consent to the {{treaty_name}}.

Please let me know where you stand.

Sincerely,
{{supporter_name}}
{{supporter_city_state}}`;

/** A new draft for the coalition, audited `campaign.create`. Public pages don't show drafts. */
export async function createCampaign({ actor, input }: { actor: StaffActor; input: CreateCampaignInput }): Promise<CreatedCampaign> {
  assertCan(actor, 'campaigns:edit');
  const parsed = CreateCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { title, slug, treatyId } = parsed.data;

  return withSlugRace(() =>
    getDb().transaction(async (tx) => {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'host')).limit(1);
      if (!org) throw new AppError('CONFLICT', 'Set up the coalition before creating campaigns.');
      const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId));
      if (!treaty) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { treatyId: ['Choose a treaty.'] });
      await claimSlug(tx, null, slug);

      const now = new Date();
      const [row] = await tx
        .insert(campaigns)
        .values({
          organisationId: org.id,
          treatyId,
          slug,
          title,
          status: 'draft',
          letterSubjectTemplate: DEFAULT_LETTER_SUBJECT,
          letterBodyTemplate: DEFAULT_LETTER_BODY,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: campaigns.id, slug: campaigns.slug });
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: row.id,
        data: { slug, treatyId },
      });
      return row;
    }),
  );
}
