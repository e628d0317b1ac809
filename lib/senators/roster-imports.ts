import 'server-only';
import { desc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { senatorImports, senators } from '@/db/schema';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { importSenators } from './import-senators';
import { describeRosterDiff, type RosterChanges } from './roster-diff';

export type RosterImportView = { id: string; importedAt: Date; source: string; senatorCount: number; changes: RosterChanges };

/** The latest roster imports and what each changed, for the whip board. */
export async function listRosterImports({ actor, limit = 5 }: { actor: StaffActor; limit?: number }): Promise<RosterImportView[]> {
  assertCan(actor, 'campaigns:view');
  const db = getDb();
  const rows = await db.select().from(senatorImports).orderBy(desc(senatorImports.importedAt)).limit(limit);
  const ids = [...new Set(rows.flatMap((r) => [...r.diff.added, ...r.diff.removed, ...r.diff.changed.map((c) => c.bioguideId)]))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: senators.bioguideId, name: senators.officialName, state: senators.state }).from(senators).where(inArray(senators.bioguideId, ids))).map(
          (s) => [s.id, `${s.name} (${s.state})`],
        )
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    importedAt: r.importedAt,
    source: r.source,
    senatorCount: r.senatorCount,
    // The first import lists everyone as joined: say so once instead.
    changes: describeRosterDiff(r.diff, (id) => names.get(id) ?? id),
  }));
}

/** The staff button: import the roster now (same lock, diff, audit and owner email as the schedule). */
export async function reimportRoster({ actor }: { actor: StaffActor }) {
  assertCan(actor, 'senators:edit');
  const r = await importSenators({ actor: auditActor(actor) });
  return { senatorCount: r.senatorCount, added: r.diff.added.length, removed: r.diff.removed.length, changed: r.diff.changed.length };
}
