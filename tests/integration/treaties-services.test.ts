import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, treaties } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { getPublicCampaign } from '@/lib/campaigns/get-public-campaign';
import { addTreatyStageEvent } from '@/lib/treaties/add-treaty-stage-event';
import { getTreaty } from '@/lib/treaties/get-treaty';
import { listTreaties } from '@/lib/treaties/list-treaties';
import { updateTreaty } from '@/lib/treaties/update-treaty';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';

let treatyId: string;
let campaignId: string;
let editor: StaffUser;

beforeEach(async () => {
  const seeded = await seedDatabase(getDb(), { adminEmail: 'owner@treaties.test' });
  treatyId = seeded.treatyId;
  campaignId = seeded.campaignId;
  editor = await makeStaff('editor');
});

const audits = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action));

async function factsForm(changes: Record<string, unknown> = {}) {
  const t = await getTreaty({ actor: editor, input: { id: treatyId } });
  return {
    id: t.id,
    expectedUpdatedAt: t.updatedAt,
    name: t.name,
    shortName: t.shortName,
    summary: t.summary ?? '',
    adoptedOn: t.adoptedOn ?? '',
    usSignedOn: t.usSignedOn ?? '',
    signatoriesCount: t.signatoriesCount === null ? '' : String(t.signatoriesCount),
    statesPartiesCount: t.statesPartiesCount === null ? '' : String(t.statesPartiesCount),
    countsAsOf: t.countsAsOf ?? '',
    countsSource: t.countsSource ?? '',
    senateTreatyDoc: t.senateTreatyDoc ?? '',
    ...changes,
  };
}

describe('treaty facts', () => {
  it('updates counts with their as-of date and source, audited with the changed field names', async () => {
    const r = await updateTreaty({
      actor: editor,
      input: await factsForm({ statesPartiesCount: '178', signatoriesCount: '121', countsAsOf: '2026-05-01', countsSource: 'UN Treaty Collection' }),
    });
    expect([...r.changed].sort()).toEqual(['countsAsOf', 'countsSource', 'signatoriesCount', 'statesPartiesCount']);
    expect(r.campaignIds).toEqual([campaignId]);
    const t = await getTreaty({ actor: editor, input: { id: treatyId } });
    expect(t).toMatchObject({ statesPartiesCount: 178, signatoriesCount: 121, countsAsOf: '2026-05-01', countsSource: 'UN Treaty Collection' });
    expect(await audits('treaty.update')).toMatchObject([{ entityId: treatyId, data: { fields: r.changed } }]);
  });

  it('validates dates and counts, and refuses counts without an as-of date and stale saves', async () => {
    const e = await rejection(updateTreaty({ actor: editor, input: await factsForm({ adoptedOn: '2000-13-45', statesPartiesCount: '-1' }) }));
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['adoptedOn', 'statesPartiesCount']);
    const e2 = await rejection(updateTreaty({ actor: editor, input: await factsForm({ countsAsOf: '' }) }));
    expect(e2.fieldErrors?.countsAsOf).toBeDefined();

    const stale = await factsForm({ shortName: 'OPSC' });
    await updateTreaty({ actor: editor, input: await factsForm({ shortName: 'The OPSC' }) });
    expect((await rejection(updateTreaty({ actor: editor, input: stale }))).code).toBe('CONFLICT');
    const viewer = await makeStaff('viewer');
    expect((await rejection(updateTreaty({ actor: viewer, input: await factsForm({ shortName: 'x' }) }))).code).toBe('FORBIDDEN');
  });
});

describe('stage events', () => {
  it('records the Senate’s consent and makes it the current stage, shown on the public page', async () => {
    const r = await addTreatyStageEvent({
      actor: editor,
      input: {
        treatyId,
        stage: 'consented',
        occurredOn: '2026-06-18',
        note: 'Consent given by 71 votes to 28.',
        sourceTitle: 'Congressional Record',
        sourceUrl: 'https://www.congress.gov/congressional-record',
      },
    });
    expect(r).toMatchObject({ stage: 'consented', campaignIds: [campaignId] });
    const [row] = await getDb().select({ stage: treaties.stage }).from(treaties).where(eq(treaties.id, treatyId));
    expect(row.stage).toBe('consented');

    const page = await getPublicCampaign(campaignId);
    expect(page?.treaty.stage).toBe('consented');
    expect(page?.treaty.events.at(-1)).toMatchObject({ stage: 'consented', occurredOn: '2026-06-18', sourceTitle: 'Congressional Record' });
    expect(await audits('treaty.stage_event')).toMatchObject([
      { entityId: treatyId, data: { stage: 'consented', currentStage: 'consented', previousStage: 'in_committee' } },
    ]);
    expect((await listTreaties({ actor: editor }))[0]).toMatchObject({ id: treatyId, stage: 'consented', campaigns: 1 });
  });

  it('a backdated event joins the history without overriding a newer stage', async () => {
    await addTreatyStageEvent({ actor: editor, input: { treatyId, stage: 'transmitted', occurredOn: '2000-07-20' } });
    const t = await getTreaty({ actor: editor, input: { id: treatyId } });
    expect(t.stage).toBe('in_committee');
    expect(t.events.map((e) => e.stage)).toEqual(['in_committee', 'transmitted', 'signed', 'adopted']);
  });

  it('validates the event and its source link; viewers cannot add one', async () => {
    const e = await rejection(
      addTreatyStageEvent({ actor: editor, input: { treatyId, stage: 'voted' as never, occurredOn: 'June 18', sourceUrl: 'ftp://x' } }),
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['occurredOn', 'sourceUrl', 'stage']);
    const viewer = await makeStaff('viewer');
    expect((await rejection(addTreatyStageEvent({ actor: viewer, input: { treatyId, stage: 'reported', occurredOn: '2026-01-01' } }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
