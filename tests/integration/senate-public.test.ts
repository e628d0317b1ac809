import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, campaigns, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { updateSenatePage } from '@/lib/campaigns/update-senate-page';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { getPublicSenate } from '@/lib/senators/get-public-senate';
import { importSenators } from '@/lib/senators/import-senators';
import { setExpectedAbsent } from '@/lib/senators/set-expected-absent';
import { setSenatorPosition } from '@/lib/senators/set-senator-position';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

let treatyId: string;
let campaignId: string;
let slug: string;
let editor: StaffUser;
let vt: string[];

beforeEach(async () => {
  ({ treatyId, campaignId } = await seedDatabase(getDb(), { adminEmail: 'owner@senate-public.test' }));
  await importSenators({ source: ROSTER_DIR });
  await getDb().update(campaigns).set({ status: 'live' }).where(eq(campaigns.id, campaignId));
  [{ slug }] = await getDb().select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, campaignId));
  editor = await makeStaff('editor');
  // Vermont: Sanders (senior), then Welch.
  vt = ['S000033', 'W000800'];
  await setSenatorPosition({
    actor: editor,
    input: { senatorId: vt[0], treatyId, stance: 'supports', statedOn: '2026-04-01', sourceUrl: 'https://example.org/sanders', note: 'Private: met staff' },
  });
  await setSenatorPosition({ actor: editor, input: { senatorId: vt[1], treatyId, stance: 'leaning_yes', sourceUrl: 'https://example.org/welch' } });
}, 60_000);

const publish = (stances = ['champion', 'supports', 'undecided', 'opposes'], on = true) =>
  updateSenatePage({ actor: editor, input: { id: campaignId, senatePagePublic: on, publicStances: stances } });

describe('public Senate page', () => {
  it('is off until staff opt in (audited)', async () => {
    expect(await getPublicSenate(campaignId)).toBeNull();
    await publish();
    expect(await getPublicSenate(campaignId)).not.toBeNull();
    const [a] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'campaign.senate_page'));
    expect(a.data).toMatchObject({ to: { public: true } });
    const viewer = await makeStaff('viewer');
    expect((await rejection(updateSenatePage({ actor: viewer, input: { id: campaignId, senatePagePublic: false, publicStances: [] } }))).code).toBe('FORBIDDEN');
    expect((await rejection(publish(['maybe']))).fieldErrors).toBeDefined();
  });

  it('shows published stances with source and date, hides the rest and every note, and follows the arithmetic', async () => {
    await publish();
    await setExpectedAbsent({ actor: editor, input: { senatorId: 'W000800', treatyId, expectedAbsent: true } });
    const p = (await getPublicSenate(campaignId))!;
    const sanders = p.senators.find((s) => s.id === vt[0])!;
    expect(sanders).toMatchObject({ stance: 'supports', sourceUrl: 'https://example.org/sanders', statedOn: '2026-04-01' });
    expect(JSON.stringify(p)).not.toContain('Private: met staff');
    expect(JSON.stringify(p)).not.toContain('expectedAbsent');
    // Leaning yes is staff's read: not published, no source either.
    expect(p.senators.find((s) => s.id === vt[1])).toMatchObject({ stance: 'not_public', sourceUrl: null, statedOn: null });
    expect(p.arithmetic).toMatchObject({ present: 99, needed: 66 });
    expect(p.publicYes).toBe(1);
    expect(p.senators).toHaveLength(100);
    expect(p.committee.majority).toBe(Math.floor(p.committee.members.length / 2) + 1);
  });

  it('shows a vacant seat', async () => {
    await publish();
    await getDb().update(senators).set({ isCurrent: false }).where(eq(senators.bioguideId, vt[1]));
    const p = (await getPublicSenate(campaignId))!;
    expect(p.vacancies).toEqual([{ state: 'VT', stateName: 'Vermont', vacant: 1 }]);
    expect(p.arithmetic).toMatchObject({ vacant: 1, present: 99, needed: 66 });
  });

  it('the ZIP lookup carries the supporter’s senators’ public stances only when the page is published', async () => {
    const before = await attachCampaignStances(await lookupSenators({ state: 'VT' }), slug);
    expect(before.kind === 'state' && before.senators.every((s) => s.publicStance === undefined)).toBe(true);
    await publish(['supports', 'leaning_yes']);
    const after = await attachCampaignStances(await lookupSenators({ state: 'VT' }), slug);
    if (after.kind !== 'state') throw new Error('expected senators');
    expect(after.senators.map((s) => [s.bioguideId, s.publicStance?.stance])).toEqual([
      ['S000033', 'supports'],
      ['W000800', 'leaning_yes'],
    ]);
  });
});
