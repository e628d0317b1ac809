// CWC office codes for the whole Senate, staff overrides that survive imports, and a campaign's topic.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, campaigns, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { updateCampaignCwc } from '@/lib/letters/cwc/update-campaign-cwc';
import { cwcOfficeOf } from '@/lib/senators/cwc-office-code';
import { importSenators } from '@/lib/senators/import-senators';
import { setCwcOffice } from '@/lib/senators/set-cwc-office';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const ROSTER = ROSTER_DIR;
const KLOBUCHAR = 'K000367';

async function officeRows() {
  const { db } = await getTestDb();
  const rows = await db.select().from(senators).where(eq(senators.isCurrent, true));
  return rows.map((s) => ({ id: s.bioguideId, state: s.state, senateClass: s.senateClass, ...cwcOfficeOf(s) }));
}

beforeEach(async () => {
  const { db } = await getTestDb();
  await importSenators({ source: ROSTER, db });
});

describe('CWC office codes from the roster', () => {
  it('gives all 100 senators a unique code of the form S + state + 0 + class', async () => {
    const rows = await officeRows();
    expect(rows).toHaveLength(100);
    const codes = rows.map((r) => r.code);
    expect(new Set(codes).size).toBe(100);
    for (const r of rows) {
      expect(r.code, r.id).toMatch(/^S[A-Z]{2}0[1-3]$/);
      expect(r.code).toBe(`S${r.state}0${r.senateClass}`);
      expect(r).toMatchObject({ source: 'roster', enabled: true });
    }
    // 50 states, two seats each.
    expect(new Set(rows.map((r) => r.state)).size).toBe(50);
    // As the Senate's own list of participating offices names these seats.
    const byId = new Map(rows.map((r) => [r.id, r.code]));
    expect(byId.get('P000145')).toBe('SCA03'); // Alex Padilla
    expect(byId.get(KLOBUCHAR)).toBe('SMN01');
    expect(byId.get('L000570')).toBe('SNM02'); // Ben Ray Luján
    expect(byId.get('S000033')).toBe('SVT01'); // Bernard Sanders
    expect(byId.get('S000148')).toBe('SNY03'); // Charles Schumer
  });

  it('lets staff override a code and switch CWC off for an office; an import keeps both', async () => {
    const editor = await makeStaff('editor');
    const result = await setCwcOffice({ actor: editor, input: { senatorId: KLOBUCHAR, officeCode: ' smn09 ', enabled: '' } });
    expect(result).toEqual({ senatorId: KLOBUCHAR, office: { code: 'SMN09', source: 'override', enabled: false }, changed: true });

    const { db } = await getTestDb();
    await importSenators({ source: ROSTER, db });
    const row = (await officeRows()).find((r) => r.id === KLOBUCHAR)!;
    expect(row).toMatchObject({ code: 'SMN09', source: 'override', enabled: false });

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'senator.cwc_office'), eq(auditLog.entityId, KLOBUCHAR)));
    expect(audit.data).toEqual({ officeCode: 'SMN09', previousOfficeCode: null, enabled: false, wasEnabled: true });

    // Clearing the override goes back to the roster's code; the same values again change nothing.
    expect((await setCwcOffice({ actor: editor, input: { senatorId: KLOBUCHAR, officeCode: '', enabled: 'on' } })).office).toEqual({
      code: 'SMN01', source: 'roster', enabled: true,
    });
    expect((await setCwcOffice({ actor: editor, input: { senatorId: KLOBUCHAR, officeCode: '', enabled: true } })).changed).toBe(false);
  });

  it('refuses codes of the wrong form or for another state, unknown senators and staff without the permission', async () => {
    const editor = await makeStaff('editor');
    const wrongForm = await rejection(setCwcOffice({ actor: editor, input: { senatorId: KLOBUCHAR, officeCode: 'MN01', enabled: true } }));
    expect(wrongForm.fieldErrors?.officeCode?.[0]).toMatch(/like SCA01/);
    const otherState = await rejection(setCwcOffice({ actor: editor, input: { senatorId: KLOBUCHAR, officeCode: 'SWI01', enabled: true } }));
    expect(otherState.fieldErrors?.officeCode).toEqual(['A code for this senator starts with SMN, like SMN01.']);
    expect((await rejection(setCwcOffice({ actor: editor, input: { senatorId: 'Z999999', officeCode: '', enabled: true } }))).code).toBe('NOT_FOUND');
    const viewer = await makeStaff('viewer');
    expect((await rejection(setCwcOffice({ actor: viewer, input: { senatorId: KLOBUCHAR, officeCode: '', enabled: false } }))).code).toBe('FORBIDDEN');
    expect((await officeRows()).find((r) => r.id === KLOBUCHAR)).toMatchObject({ code: 'SMN01', enabled: true });
  });
});

describe('a campaign’s CWC topic and stance', () => {
  it('default to International Affairs, pro; editors change them (audited); others cannot', async () => {
    const { db } = await getTestDb();
    const { campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' });
    const [before] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(before).toMatchObject({ cwcTopic: 'International Affairs', cwcProOrCon: 'pro' });

    const editor = await makeStaff('editor');
    const done = await updateCampaignCwc({ actor: editor, input: { campaignId, topic: 'Families', proOrCon: 'con' } });
    expect(done).toEqual({ campaignId, topic: 'Families', proOrCon: 'con', changed: true });
    const [after] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(after).toMatchObject({ cwcTopic: 'Families', cwcProOrCon: 'con' });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'campaign.cwc'));
    expect(audit).toMatchObject({ entityId: campaignId, data: { topic: 'Families', proOrCon: 'con', previousTopic: 'International Affairs', previousProOrCon: 'pro' } });

    const bad = await rejection(updateCampaignCwc({ actor: editor, input: { campaignId, topic: 'Treaties' as never, proOrCon: 'pro' } }));
    expect(bad.fieldErrors?.topic).toEqual(['Choose a topic from the Library of Congress list.']);
    const analyst = await makeStaff('analyst');
    expect((await rejection(updateCampaignCwc({ actor: analyst, input: { campaignId, topic: 'Families', proOrCon: 'pro' } }))).code).toBe('FORBIDDEN');
  });
});
