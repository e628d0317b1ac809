import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emailOutbox, senatorImports, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { renderEmail } from '@/lib/email/render';
import { getHealth } from '@/lib/health/get-health';
import { importSenators } from '@/lib/senators/import-senators';
import { listRosterImports } from '@/lib/senators/roster-imports';
import { makeStaff } from './staff-fixtures';
import { ROSTER_DIR } from '../support/roster';

const WYDEN = 'W000779';
const SANDERS = 'S000033';
const PADILLA = 'P000145';

/** A copy of the roster snapshot with Wyden gone (a vacancy) and Sanders now a Democrat. */
function changedRoster(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratify-roster-'));
  for (const f of fs.readdirSync(ROSTER_DIR)) fs.copyFileSync(path.join(ROSTER_DIR, f), path.join(dir, f));
  const file = path.join(dir, 'legislators-current.json');
  type L = { id: { bioguide: string }; terms: { party: string }[] };
  const all = (JSON.parse(fs.readFileSync(file, 'utf8')) as L[]).filter((l) => l.id.bioguide !== WYDEN);
  all.find((l) => l.id.bioguide === SANDERS)!.terms.at(-1)!.party = 'Democrat';
  fs.writeFileSync(file, JSON.stringify(all));
  return dir;
}

beforeEach(async () => {
  await seedDatabase(getDb(), { adminEmail: 'owner@roster.test' });
  await importSenators({ source: ROSTER_DIR });
}, 60_000);

describe('roster re-import', () => {
  it('diffs a vacancy, a party switch and a new senator, and emails the owners in the same transaction', async () => {
    const second = await makeStaff('owner');
    // Padilla absent from our copy (as if new to the Senate): the roster brings him in.
    await getDb().update(senators).set({ isCurrent: false }).where(eq(senators.bioguideId, PADILLA));
    const r = await importSenators({ source: changedRoster() });
    expect(r.diff.added).toEqual([PADILLA]);
    expect(r.diff.removed).toEqual([WYDEN]);
    expect(r.diff.changed.find((c) => c.bioguideId === SANDERS)?.fields).toContain('party');

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, 'roster-changed'));
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['owner@roster.test', second.email].sort());
    const props = mail[0].props as { joined: string[]; left: string[]; party: string[] };
    expect(props.joined).toEqual(['Alex Padilla (CA)']);
    expect(props.left).toEqual(['Ron Wyden (OR)']);
    expect(props.party).toEqual(['Bernard Sanders (VT)']);
    const rendered = await renderEmail('roster-changed', mail[0].props as never);
    expect(rendered.subject).toBe('The Senate roster changed (3 changes)');
    expect(rendered.text).toContain('Left the Senate (their seat is vacant until filled): Ron Wyden (OR)');

    // Shown to staff; the vacancy is healthy; Wyden keeps his row (history) as a former senator.
    const [latest] = await listRosterImports({ actor: second });
    expect(latest.changes).toMatchObject({ joined: ['Alex Padilla (CA)'], left: ['Ron Wyden (OR)'], party: ['Bernard Sanders (VT)'] });
    expect((await getHealth()).status).toBe('ok');
    expect((await getDb().select().from(senators).where(eq(senators.bioguideId, WYDEN)))[0].isCurrent).toBe(false);

    // Nothing changed: no mail.
    await importSenators({ source: changedRoster() });
    expect(await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, 'roster-changed'))).toHaveLength(2);
  });

  it('the schedule imports only when the last import is older than the interval', async () => {
    expect(await importSenators({ source: ROSTER_DIR, ifOlderThanMs: 24 * 3600_000 })).toBeNull();
    expect(await getDb().select().from(senatorImports)).toHaveLength(1);
    expect(await importSenators({ source: ROSTER_DIR, ifOlderThanMs: 0 })).not.toBeNull();
    expect(await getDb().select().from(senatorImports)).toHaveLength(2);
  });
});
