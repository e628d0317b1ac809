import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { callReports, campaigns } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { recordStance } from '@/lib/senators/record-stance';

export const ReviewCallReportInput = z.object({
  id: z.uuid('That report does not exist.'),
  decision: z.enum(['record', 'dismiss'], 'Choose what to do with the report.'),
});
export type ReviewCallReportInput = z.input<typeof ReviewCallReportInput>;

/** What an office said, as a stance. "No answer" says nothing about where the senator stands. */
const STANCE_OF: Record<string, Stance | null> = { supports: 'supports', undecided: 'undecided', opposes: 'opposes', no_answer: null };

/**
 * A reviewer turns a call report into a stance change (the report is its source: the history row
 * points at it) or dismisses it. One transaction; a report is reviewed once. Audited `call.review`.
 */
export async function reviewCallReport({ actor, input }: { actor: StaffActor; input: ReviewCallReportInput }) {
  assertCan(actor, 'senators:edit');
  const parsed = ReviewCallReportInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, decision } = parsed.data;
  return getDb().transaction(async (tx) => {
    const [report] = await tx
      .select({ r: callReports, treatyId: campaigns.treatyId })
      .from(callReports)
      .innerJoin(campaigns, eq(campaigns.id, callReports.campaignId))
      .where(eq(callReports.id, id))
      .for('update', { of: callReports });
    if (!report) throw new AppError('NOT_FOUND', 'That report does not exist.');
    if (report.r.status !== 'pending') throw new AppError('CONFLICT', 'Someone has already reviewed this report.');
    const stance = STANCE_OF[report.r.response];
    if (decision === 'record' && !stance) throw new AppError('VALIDATION', 'The office gave no answer: there is no stance to record. Dismiss it instead.');
    let changed = false;
    if (decision === 'record' && stance) {
      const day = report.r.createdAt.toISOString().slice(0, 10);
      changed = await recordStance(
        tx,
        actor,
        { senatorId: report.r.senatorId, treatyId: report.treatyId, stance, statedOn: day, note: `A supporter’s call on ${day}: the office said “${stance}”.`, sourceUrl: null, callReportId: id },
        { auditExtra: { callReportId: id } },
      );
    }
    const status = decision === 'record' ? ('stance_recorded' as const) : ('dismissed' as const);
    await tx.update(callReports).set({ status, reviewedBy: actor.id, reviewedAt: new Date() }).where(eq(callReports.id, id));
    await recordAudit(tx, { actor: auditActor(actor), action: 'call.review', entityType: 'call_report', entityId: id, data: { decision, stance, changed } });
    return { id, status, changed };
  });
}
