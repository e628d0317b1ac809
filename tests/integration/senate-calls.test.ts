import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { callReports, campaigns } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { updateLetterVariants } from '@/lib/campaigns/update-letter-variants';
import { getCallSheet } from '@/lib/calls/get-call-sheet';
import { listPendingCallReports } from '@/lib/calls/list-call-reports';
import { reportCall } from '@/lib/calls/report-call';
import { reviewCallReport } from '@/lib/calls/review-call-report';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { getStanceHistory } from '@/lib/senators/get-stance-history';
import { getWhipCount } from '@/lib/senators/get-whip-count';
import { importSenators } from '@/lib/senators/import-senators';
import { setSenatorPosition } from '@/lib/senators/set-senator-position';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

const DURBIN = 'D000563';
const DUCKWORTH = 'D000622';
let campaignId: string;
let treatyId: string;
let slug: string;
let editor: StaffUser;

beforeEach(async () => {
  ({ campaignId, treatyId } = await seedDatabase(getDb(), { adminEmail: 'owner@calls.test' }));
  await importSenators({ source: ROSTER_DIR });
  [{ slug }] = await getDb().select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, campaignId));
  editor = await makeStaff('editor');
}, 60_000);

const report = (senatorId: string, response: 'supports' | 'undecided' | 'opposes' | 'no_answer', outcome: 'reached_staff' | 'voicemail' | 'busy' = 'reached_staff') =>
  reportCall({ input: { campaignSlug: slug, senatorId, outcome, response } });

describe('calls', () => {
  it('gives each senator a script for their stance group and click-to-call links', async () => {
    await setSenatorPosition({ actor: editor, input: { senatorId: DURBIN, treatyId, stance: 'supports' } });
    await updateLetterVariants({ actor: editor, input: { id: campaignId, thankScript: 'Thank you, Senator {senator}, for backing the {treaty}.' } });
    const lookup = await attachCampaignStances(await lookupSenators({ zip: '62701' }), slug);
    const sheet = await getCallSheet(slug, lookup, 'Optional Protocol');
    const durbin = sheet.find((s) => s.id === DURBIN)!;
    expect(durbin.script).toBe('Thank you, Senator Durbin, for backing the Optional Protocol.');
    expect(sheet.find((s) => s.id === DUCKWORTH)!.script).toMatch(/ask Senator Duckworth to support ratification of the Optional Protocol/);
    expect(durbin.phones[0]).toMatchObject({ label: 'Washington, DC office', href: expect.stringMatching(/^tel:\+1\d{10}$/) });
    expect(durbin.phones.length).toBeGreaterThan(1);
  });

  it('counts reports per senator on the board and queues them for review', async () => {
    await report(DURBIN, 'supports');
    await report(DURBIN, 'no_answer', 'voicemail');
    await report(DUCKWORTH, 'opposes');
    const w = await getWhipCount({ actor: editor, input: { treatyId } });
    expect(w.rows.find((r) => r.id === DURBIN)!.pressure.calls).toEqual({ total: 2, pending: 2, supports: 1, undecided: 0, opposes: 0, noAnswer: 1 });
    expect(w.rows.find((r) => r.id === DUCKWORTH)!.pressure.calls.opposes).toBe(1);
    expect(await listPendingCallReports({ actor: editor })).toHaveLength(3);
    expect((await rejection(report('Z999999', 'supports'))).code).toBe('VALIDATION');
    expect((await rejection(reportCall({ input: { campaignSlug: slug, senatorId: DURBIN, outcome: 'x' as never, response: 'supports' } }))).fieldErrors?.outcome).toBeDefined();
  });

  it('a reviewer turns a report into a stance change with the report as its source, once', async () => {
    const { id } = await report(DURBIN, 'supports');
    const r = await reviewCallReport({ actor: editor, input: { id, decision: 'record' } });
    expect(r).toMatchObject({ status: 'stance_recorded', changed: true });
    const h = await getStanceHistory({ actor: editor, input: { senatorId: DURBIN, treatyId } });
    expect(h.entries[0]).toMatchObject({ stance: 'supports', callReportId: id });
    expect((await rejection(reviewCallReport({ actor: editor, input: { id, decision: 'dismiss' } }))).code).toBe('CONFLICT');
    expect(await listPendingCallReports({ actor: editor })).toHaveLength(0);

    const none = await report(DUCKWORTH, 'no_answer');
    expect((await rejection(reviewCallReport({ actor: editor, input: { id: none.id, decision: 'record' } }))).code).toBe('VALIDATION');
    await reviewCallReport({ actor: editor, input: { id: none.id, decision: 'dismiss' } });
    const [row] = await getDb().select().from(callReports).where(eq(callReports.id, none.id));
    expect(row).toMatchObject({ status: 'dismissed', reviewedBy: editor.id });
    const viewer = await makeStaff('viewer');
    const another = await report(DUCKWORTH, 'opposes');
    expect((await rejection(reviewCallReport({ actor: viewer, input: { id: another.id, decision: 'record' } }))).code).toBe('FORBIDDEN');
  });
});
