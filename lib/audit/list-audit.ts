import 'server-only';
import { and, asc, count, desc, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { validationError } from '@/lib/errors';
import { isoDay, optionalParam, pageParam, pageSizeParam, parseLenient, type ParamsLike } from '@/lib/forms/query-params';
import { escapeLike } from '@/lib/people/signer-filters';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

// Read-only view of the append-only audit log, filtered by GET parameters.
const opt = optionalParam;

export const ListAuditInput = z.object({
  /** Part of the actor's email, or their user id. */
  actor: opt(z.string().trim().max(254)),
  /** An action or a prefix of one: `person.` or `person.forget`. */
  action: opt(z.string().trim().max(100).regex(/^[a-z0-9_.:-]+$/i, 'Use an action like person.forget or a prefix like person.')),
  from: opt(isoDay()),
  to: opt(isoDay()),
  page: pageParam,
  pageSize: pageSizeParam(100, 50),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;
export type AuditFilters = z.output<typeof ListAuditInput>;

export type AuditEntryView = {
  id: number;
  createdAt: Date;
  actorEmail: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
};

export type AuditPage = {
  rows: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  filters: AuditFilters;
  /** Distinct actions on record, for the filter's suggestions. */
  actions: string[];
};

export function parseAuditFilters(params: ParamsLike): { filters: AuditFilters; invalid: string[] } {
  return parseLenient(ListAuditInput, params);
}

function whereOf(f: AuditFilters): SQL {
  const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
  const conditions: (SQL | undefined)[] = [];
  if (f.actor) {
    conditions.push(or(ilike(auditLog.actorEmail, `%${escapeLike(f.actor)}%`), sql`${auditLog.actorUserId} = ${f.actor}`));
  }
  if (f.action) conditions.push(like(auditLog.action, `${escapeLike(f.action.toLowerCase())}%`));
  if (f.from) conditions.push(gte(auditLog.createdAt, dayStart(f.from)));
  if (f.to) {
    const end = dayStart(f.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditLog.createdAt, end));
  }
  return and(...conditions) ?? sql`true`;
}

/** Newest first; `audit:view` only. */
export async function listAudit({ actor, input }: { actor: StaffActor; input: ListAuditInput }): Promise<AuditPage> {
  assertCan(actor, 'audit:view');
  const parsed = ListAuditInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const filters = parsed.data;
  const where = whereOf(filters);
  const db = getDb();

  const [[{ total }], rows, actions] = await Promise.all([
    db.select({ total: count() }).from(auditLog).where(where),
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorEmail: auditLog.actorEmail,
        actorUserId: auditLog.actorUserId,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        data: auditLog.data,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).limit(200),
  ]);

  return {
    rows,
    total: Number(total),
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(Number(total) / filters.pageSize)),
    filters,
    actions: actions.map((a) => a.action),
  };
}
