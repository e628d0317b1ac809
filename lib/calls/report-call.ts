import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { callReports, campaigns, senators } from '@/db/schema';
import { CALL_OUTCOMES, CALL_RESPONSES } from '@/db/schema/enum-values';
import { AppError, validationError } from '@/lib/errors';
import { BioguideId } from '@/lib/senators/set-delivery-email';

export const ReportCallInput = z.object({
  campaignSlug: z.string().min(1).max(200),
  senatorId: BioguideId,
  outcome: z.enum(CALL_OUTCOMES, 'Choose how the call went.'),
  response: z.enum(CALL_RESPONSES, 'Choose what the office said.'),
  source: z.string().max(100).optional().nullable(),
});
export type ReportCallInput = z.input<typeof ReportCallInput>;

/**
 * A supporter's "how did it go?" after calling an office: stored anonymously and queued for staff
 * review (lib/calls/review-call-report.ts). Only for a current senator and a live campaign.
 */
export async function reportCall({ input }: { input: ReportCallInput }): Promise<{ id: string; senatorName: string }> {
  const parsed = ReportCallInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { campaignSlug, senatorId, outcome, response, source } = parsed.data;
  return getDb().transaction(async (tx) => {
    const [c] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.slug, campaignSlug), inArray(campaigns.status, ['live']), isNull(campaigns.archivedAt)));
    if (!c) throw new AppError('NOT_FOUND', 'We could not find an open campaign at this address.');
    const [s] = await tx
      .select({ name: senators.officialName })
      .from(senators)
      .where(and(eq(senators.bioguideId, senatorId), eq(senators.isCurrent, true)));
    if (!s) throw new AppError('VALIDATION', 'That senator is not in the Senate now.', { senatorId: ['That senator is not in the Senate now.'] });
    const [row] = await tx
      .insert(callReports)
      .values({ campaignId: c.id, senatorId, outcome, response, source: source ?? null })
      .returning({ id: callReports.id });
    return { id: row.id, senatorName: s.name };
  });
}
