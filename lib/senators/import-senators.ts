import path from 'node:path';
import { desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { senatorImports, senators, type ImportDiff } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { parseRoster, type RosterSenator } from './parse-roster';
import { readRosterSource } from './read-roster-source';
import { enqueueRosterChangedMail } from './roster-changed-mail';
import { describeRosterDiff, hasRosterChanges } from './roster-diff';

// No `server-only` here: the `senators:import` CLI runs this under tsx, where that package throws.

export type ImportSenatorsResult = { importId: string; senatorCount: number; diff: ImportDiff; source: string };

// Serialises concurrent imports (a staff click during a cron run) so both never diff the same rows.
const IMPORT_LOCK = 727_275;

// Columns the import owns and compares; everything but the key, delivery_email and bookkeeping.
const FIELDS = [
  'officialName', 'firstName', 'lastName', 'state', 'party', 'senateClass', 'stateRank', 'termEnd',
  'dcAddress', 'phone', 'website', 'contactForm', 'stateOffices', 'social',
  'ssfrMember', 'ssfrRank', 'ssfrTitle', 'ssfrParty',
] as const satisfies readonly (keyof RosterSenator)[];

/**
 * Read and validate the roster (nothing is written if it is malformed or partial), then in one
 * transaction upsert the senators, mark those no longer listed as former (never deleted: letters and
 * positions reference them), and record the import with its diff. Staff-set delivery_email is kept.
 */
export async function importSenators(
  opts?: { source?: string; db?: Db; actor?: AuditActor; onlyIfEmpty?: false },
): Promise<ImportSenatorsResult>;
/** `ifOlderThanMs` (the schedule): null, and nothing written, when another instance imported recently. */
export async function importSenators(opts: {
  source?: string;
  db?: Db;
  actor?: AuditActor;
  ifOlderThanMs: number;
}): Promise<ImportSenatorsResult | null>;
/** `onlyIfEmpty` (first boot): null, and nothing written, when a roster is already there. */
export async function importSenators(opts: {
  source?: string;
  db?: Db;
  actor?: AuditActor;
  onlyIfEmpty: true;
}): Promise<ImportSenatorsResult | null>;
export async function importSenators(
  opts: { source?: string; db?: Db; actor?: AuditActor; onlyIfEmpty?: boolean; ifOlderThanMs?: number } = {},
): Promise<ImportSenatorsResult | null> {
  const given = (opts.source ?? env().SENATORS_SOURCE).trim();
  const source = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : path.resolve(given);
  const rows = parseRoster(await readRosterSource(source));
  const db = opts.db ?? getDb();

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    // delivery_email is staff data the import neither compares nor writes: don't even read it.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { deliveryEmail, ...columns } = getTableColumns(senators);
    const existing = new Map((await tx.select(columns).from(senators)).map((s) => [s.bioguideId, s]));
    // Checked under the lock: instances booting together on an empty database import once.
    if (opts.onlyIfEmpty && existing.size > 0) return null;
    // Checked under the lock too: of several instances whose schedules fire together, one imports.
    if (opts.ifOlderThanMs !== undefined) {
      const [last] = await tx.select({ at: senatorImports.importedAt }).from(senatorImports).orderBy(desc(senatorImports.importedAt)).limit(1);
      if (last && Date.now() - last.at.getTime() < opts.ifOlderThanMs) return null;
    }

    const diff: ImportDiff = { added: [], removed: [], changed: [] };
    const toInsert: RosterSenator[] = [];
    for (const row of rows) {
      const old = existing.get(row.bioguideId);
      if (!old) {
        toInsert.push(row);
        diff.added.push(row.bioguideId);
      } else if (!old.isCurrent) {
        // A returning senator (re-elected after a gap, or a former senator appointed): current again.
        await tx
          .update(senators)
          .set({ ...row, isCurrent: true, formerAt: null, updatedAt: sql`now()` })
          .where(eq(senators.bioguideId, row.bioguideId));
        diff.added.push(row.bioguideId);
      } else {
        const fields = FIELDS.filter((f) => canonical(old[f]) !== canonical(row[f]));
        if (fields.length === 0) continue;
        await tx
          .update(senators)
          .set({ ...row, updatedAt: sql`now()` })
          .where(eq(senators.bioguideId, row.bioguideId));
        diff.changed.push({ bioguideId: row.bioguideId, fields });
      }
    }
    if (toInsert.length) await tx.insert(senators).values(toInsert);

    const listed = new Set(rows.map((r) => r.bioguideId));
    diff.removed = [...existing.values()].filter((s) => s.isCurrent && !listed.has(s.bioguideId)).map((s) => s.bioguideId);
    if (diff.removed.length) {
      await tx
        .update(senators)
        .set({ isCurrent: false, formerAt: sql`now()`, updatedAt: sql`now()` })
        .where(inArray(senators.bioguideId, diff.removed));
    }

    diff.added.sort();
    diff.removed.sort();
    diff.changed.sort((a, b) => a.bioguideId.localeCompare(b.bioguideId));
    // Tell the owners what changed, in this transaction (not on the first import: everyone "joined").
    if (existing.size > 0) {
      const label = (id: string) => {
        const s = rows.find((r) => r.bioguideId === id) ?? existing.get(id);
        return s ? `${s.officialName} (${s.state})` : id;
      };
      const changes = describeRosterDiff(diff, label);
      if (hasRosterChanges(changes)) await enqueueRosterChangedMail(tx, changes);
    }
    const [imp] = await tx
      .insert(senatorImports)
      .values({ source, senatorCount: rows.length, diff })
      .returning({ id: senatorImports.id });
    await recordAudit(tx, {
      actor: opts.actor ?? null,
      action: 'senators.import',
      entityType: 'senator_import',
      entityId: imp.id,
      data: { source, senatorCount: rows.length, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    });
    return { importId: imp.id, senatorCount: rows.length, diff, source };
  });
}

/** Stable text for comparing a stored value with a parsed one (jsonb does not keep key order). */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}
