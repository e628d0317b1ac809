import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { campaigns, type LetterVariantGroup, type LetterVariants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { LETTER_BODY_MAX, LETTER_SUBJECT_MAX } from '@/lib/letters/letter-draft';
import { LETTER_VARIANT_GROUPS } from '@/lib/letters/letter-variants';
import { template } from './schemas';
import { lockCampaign } from './staff-campaign-tx';

const subject = template(LETTER_SUBJECT_MAX, 'subject').refine((s) => !/[\r\n]/.test(s), 'The subject must be a single line.');
const body = template(LETTER_BODY_MAX, 'letter');
// Call scripts take {senator} and {treaty} (lib/calls/call-scripts.ts), not the letters' merge fields.
const script = z.string().max(2000, 'Keep the script under 2,000 characters.');

/** Flat form fields: `thankSubject`, `thankBody`, `urgeSubject` … (empty = the default letter). */
export const UpdateLetterVariantsInput = z.object({
  id: z.uuid('That campaign does not exist.'),
  thankSubject: subject.default(''),
  thankBody: body.default(''),
  urgeSubject: subject.default(''),
  urgeBody: body.default(''),
  persuadeSubject: subject.default(''),
  persuadeBody: body.default(''),
  thankScript: script.default(''),
  urgeScript: script.default(''),
  persuadeScript: script.default(''),
});
export type UpdateLetterVariantsInput = z.input<typeof UpdateLetterVariantsInput>;
export const LETTER_VARIANT_FIELDS = LETTER_VARIANT_GROUPS.flatMap((g) => [`${g}Subject`, `${g}Body`, `${g}Script`] as const);

/** Save a campaign's letters and call scripts by stance group. Audited `campaign.letter_variants` (which groups have text). */
export async function updateLetterVariants({ actor, input }: { actor: StaffActor; input: UpdateLetterVariantsInput }) {
  assertCan(actor, 'campaigns:edit');
  const parsed = UpdateLetterVariantsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const d = parsed.data;
  const variants: LetterVariants = {};
  const callScripts: Partial<Record<LetterVariantGroup, string>> = {};
  for (const g of LETTER_VARIANT_GROUPS) {
    const s = d[`${g}Subject`].trim();
    const b = d[`${g}Body`].replace(/\r\n?/g, '\n').trim();
    if (s || b) variants[g] = { subject: s, body: b };
    const c = d[`${g}Script`].trim();
    if (c) callScripts[g] = c;
  }
  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, d.id);
    await tx.update(campaigns).set({ letterVariants: variants, callScripts }).where(eq(campaigns.id, d.id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.letter_variants',
      entityType: 'campaign',
      entityId: d.id,
      data: { groups: Object.keys(variants), scripts: Object.keys(callScripts), before: Object.keys(before.letterVariants) },
    });
    return { id: d.id, variants };
  });
}
