import 'server-only';
import { asc, count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, emailOutbox, letters, senators, supporters } from '@/db/schema';
import { validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { buildLedgerWhere, LedgerFilters, type LedgerFiltersInput } from './ledger-filters';

/** One letter in the ledger: the writer's name but never their email or the letter text. */
export type LedgerRow = {
  id: string;
  campaignTitle: string;
  senatorName: string;
  senatorState: string;
  supporterId: string;
  supporterName: string | null;
  status: (typeof letters.$inferSelect)['status'];
  channel: (typeof letters.$inferSelect)['channel'];
  /** The Senate office code a CWC letter was filed with; null for other channels (their addresses stay off the ledger). */
  officeCode: string | null;
  failureReason: string | null;
  hasOutbox: boolean;
  /** A queued letter whose delivery was tried and will be retried: how often, and the last error. */
  retry: { attempts: number; lastError: string } | null;
  createdAt: Date;
  confirmedAt: Date | null;
  sentAt: Date | null;
  /** When the office's system took it: CWC accepted it, or the mail provider reported it delivered. */
  deliveredAt: Date | null;
};

export type LedgerPage = { rows: LedgerRow[]; total: number; page: number; pageSize: number; pageCount: number; filters: LedgerFilters };

export async function listLetters({ actor, input }: { actor: StaffActor; input: LedgerFiltersInput }): Promise<LedgerPage> {
  assertCan(actor, 'letters:view');
  const parsed = LedgerFilters.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const filters = parsed.data;
  const where = buildLedgerWhere(filters);
  const db = getDb();

  const [{ total }] = await db
    .select({ total: count() })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .where(where);
  const rows = await db
    .select({
      id: letters.id,
      campaignTitle: campaigns.title,
      senatorName: senators.officialName,
      senatorState: senators.state,
      supporterId: letters.supporterId,
      firstName: supporters.firstName,
      lastName: supporters.lastName,
      forgottenAt: supporters.forgottenAt,
      status: letters.status,
      channel: letters.channel,
      deliveredTo: letters.deliveredTo,
      failureReason: letters.failureReason,
      outboxId: letters.outboxId,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: letters.createdAt,
      confirmedAt: letters.confirmedAt,
      sentAt: letters.sentAt,
      deliveredAt: letters.deliveredAt,
    })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
    .innerJoin(supporters, eq(supporters.id, letters.supporterId))
    .leftJoin(emailOutbox, eq(emailOutbox.id, letters.outboxId))
    .where(where)
    .orderBy(desc(letters.createdAt), asc(letters.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);

  return {
    rows: rows.map(({ firstName, lastName, forgottenAt, outboxId, attempts, lastError, deliveredTo, ...r }) => ({
      ...r,
      officeCode: r.channel === 'cwc' ? deliveredTo : null,
      retry: r.status === 'queued' && attempts && lastError ? { attempts, lastError } : null,
      supporterName: forgottenAt ? null : `${firstName} ${lastName}`.trim() || null,
      hasOutbox: !!outboxId,
    })),
    total: Number(total),
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(Number(total) / filters.pageSize)),
    filters,
  };
}
