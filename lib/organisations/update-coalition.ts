import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { nextVersion, versionStamp } from '@/lib/forms/fields';
import { getDb } from '@/db/client';
import { campaigns, organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { OptionalHttpUrl, orNull } from '@/lib/treaties/schemas';
import { lockCoalition } from './lock-coalition';
import { PartnerFields } from './schemas';

export const UpdateCoalitionInput = z.object({
  expectedUpdatedAt: versionStamp,
  name: z.string({ error: 'Enter the coalition’s name.' }).trim().min(2, 'Enter the coalition’s name.').max(120, 'Keep the name under 120 characters.'),
  tagline: orNull(z.string().trim().max(200, 'Keep the tagline under 200 characters.')),
  website: OptionalHttpUrl,
  logoUrl: OptionalHttpUrl,
  privacyPolicyUrl: OptionalHttpUrl,
  contactEmail: PartnerFields.shape.contactEmail,
  optInText: PartnerFields.shape.optInText,
  deliveryInboxEmail: orNull(
    z.string().trim().toLowerCase().pipe(z.email('Enter an email address, like letters@coalition.org, or leave it empty.').max(254, 'That address is too long.')),
  ),
});
export type UpdateCoalitionInput = z.input<typeof UpdateCoalitionInput>;

const FIELDS = ['name', 'tagline', 'website', 'logoUrl', 'privacyPolicyUrl', 'contactEmail', 'optInText', 'deliveryInboxEmail'] as const;
export type CoalitionChange = { changed: (typeof FIELDS)[number][] };

/**
 * Edit the coalition's name, tagline, website, logo, privacy policy, contact, opt-in wording and letter inbox. The inbox cannot be cleared while a
 * live campaign routes letters to it. Audited `coalition.update` with the changed field names.
 * The caller refreshes the public pages (revalidateCoalition).
 */
export async function updateCoalition({ actor, input }: { actor: StaffActor; input: UpdateCoalitionInput }): Promise<CoalitionChange> {
  assertCan(actor, 'staff:manage');
  const parsed = UpdateCoalitionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { expectedUpdatedAt, ...next } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCoalition(tx, expectedUpdatedAt);
    const changed = FIELDS.filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return { changed };

    if (!next.deliveryInboxEmail && before.deliveryInboxEmail) {
      const routed = await tx
        .select({ title: campaigns.title })
        .from(campaigns)
        .where(and(eq(campaigns.organisationId, before.id), eq(campaigns.deliveryMode, 'coalition_inbox'), eq(campaigns.status, 'live'), isNull(campaigns.archivedAt)));
      if (routed.length > 0) {
        const message = `Live campaigns send letters to this inbox (${routed.map((r) => r.title).join('; ')}). Change their delivery first.`;
        throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { deliveryInboxEmail: [message] });
      }
    }

    await tx
      .update(organisations)
      .set({ ...next, updatedAt: nextVersion(before) })
      .where(eq(organisations.id, before.id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'coalition.update',
      entityType: 'organisation',
      entityId: before.id,
      data: { fields: changed },
    });
    return { changed };
  });
}
