import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { campaigns, treaties, treatyParties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { parsePartiesCsv } from './parse-parties-csv';
import { countParties, listTreatyParties, partiesToCsv } from './party-counts';

export const ImportTreatyPartiesInput = z.object({
  treatyId: z.uuid('Choose a treaty.'),
  csv: z.string().max(500_000, 'The file is too large (500 kB at most).'),
});
export type ImportTreatyPartiesInput = z.input<typeof ImportTreatyPartiesInput>;

/**
 * Replace a treaty's states-parties list with a CSV (staff edit the list by editing its CSV). A file
 * with any bad line is refused whole, naming each line and why; nothing changes. Audited `treaty.parties`.
 */
export async function getTreatyPartiesCsv({ actor, treatyId }: { actor: StaffActor; treatyId: string }) {
  assertCan(actor, 'campaigns:edit');
  const rows = await listTreatyParties(getDb(), treatyId);
  return { csv: rows.length ? partiesToCsv(rows) : '', counts: countParties(rows), rows: rows.length };
}

export async function importTreatyParties({ actor, input }: { actor: StaffActor; input: ImportTreatyPartiesInput }) {
  assertCan(actor, 'campaigns:edit');
  const parsed = ImportTreatyPartiesInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const result = parsePartiesCsv(parsed.data.csv);
  if (!result.ok) {
    const shown = result.errors.slice(0, 10);
    const more = result.errors.length > shown.length ? ` (and ${result.errors.length - shown.length} more)` : '';
    throw new AppError('VALIDATION', `The file was not imported; nothing changed. ${shown[0]}${more}`, { csv: shown });
  }
  const { treatyId } = parsed.data;
  return getDb().transaction(async (tx) => {
    const [t] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId)).for('update');
    if (!t) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const before = await tx.select({ id: treatyParties.id }).from(treatyParties).where(eq(treatyParties.treatyId, treatyId));
    await tx.delete(treatyParties).where(eq(treatyParties.treatyId, treatyId));
    await tx.insert(treatyParties).values(result.rows.map((r) => ({ ...r, treatyId })));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'treaty.parties',
      entityType: 'treaty',
      entityId: treatyId,
      data: { before: before.length, after: result.rows.length },
    });
    const linked = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.treatyId, treatyId));
    return { id: treatyId, count: result.rows.length, campaignIds: linked.map((c) => c.id) };
  });
}
