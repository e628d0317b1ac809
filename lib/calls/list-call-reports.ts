import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { callReports, campaigns, senators } from '@/db/schema';
import type { CallOutcome, CallResponse } from '@/db/schema/enum-values';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type CallReportRow = {
  id: string;
  senatorId: string;
  senatorName: string;
  state: string;
  campaignTitle: string;
  outcome: CallOutcome;
  response: CallResponse;
  createdAt: Date;
};

/** The review queue: reports not yet reviewed, oldest first (at most 200 at a time). */
export async function listPendingCallReports({ actor }: { actor: StaffActor }): Promise<CallReportRow[]> {
  assertCan(actor, 'campaigns:view');
  return getDb()
    .select({
      id: callReports.id,
      senatorId: callReports.senatorId,
      senatorName: senators.officialName,
      state: senators.state,
      campaignTitle: campaigns.title,
      outcome: callReports.outcome,
      response: callReports.response,
      createdAt: callReports.createdAt,
    })
    .from(callReports)
    .innerJoin(senators, eq(senators.bioguideId, callReports.senatorId))
    .innerJoin(campaigns, eq(campaigns.id, callReports.campaignId))
    .where(eq(callReports.status, 'pending'))
    .orderBy(asc(callReports.createdAt))
    .limit(200);
}
