import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senatorPositions, senatorStanceEvents, senators, treaties, users } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { stateName } from '@/lib/geo/us-states';
import { BioguideId } from './set-delivery-email';
import { describeOfficeRoute, loadDeliveryInbox, type OfficeRoute } from './office-route';

export const GetStanceHistoryInput = z.object({
  senatorId: BioguideId,
  treatyId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Choose a treaty.').optional()),
});
export type GetStanceHistoryInput = z.input<typeof GetStanceHistoryInput>;

export type StanceHistoryEntry = {
  id: string;
  stance: Stance;
  statedOn: string;
  sourceUrl: string | null;
  note: string | null;
  /** Recorded from a supporter's call report (its source). */
  callReportId: string | null;
  /** The staff member's name or email; null once their account is gone. */
  recordedBy: string | null;
  recordedAt: Date;
};

export type StanceHistory = {
  senator: { id: string; officialName: string; state: string; stateName: string; party: string; isCurrent: boolean; ssfrMember: boolean };
  /** Where letters to this office go: staff's office address, CWC override and switch, and the route that follows. */
  delivery: { deliveryEmail: string | null; cwcOfficeCode: string | null; cwcEnabled: boolean; route: OfficeRoute };
  treaty: { id: string; shortName: string } | null;
  current: { stance: Stance; statedOn: string | null; sourceUrl: string | null; note: string | null; expectedAbsent: boolean };
  /** Newest first: the first entry is the current stance. */
  entries: StanceHistoryEntry[];
};

/** A senator's page: where they stand on a treaty now and every recorded change (former senators too). */
export async function getStanceHistory({ actor, input }: { actor: StaffActor; input: GetStanceHistoryInput }): Promise<StanceHistory> {
  assertCan(actor, 'campaigns:view');
  const parsed = GetStanceHistoryInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const db = getDb();
  const [row] = await db
    .select({
      id: senators.bioguideId,
      officialName: senators.officialName,
      state: senators.state,
      party: senators.party,
      isCurrent: senators.isCurrent,
      ssfrMember: senators.ssfrMember,
      deliveryEmail: senators.deliveryEmail,
      senateClass: senators.senateClass,
      cwcOfficeCode: senators.cwcOfficeCode,
      cwcEnabled: senators.cwcEnabled,
    })
    .from(senators)
    .where(eq(senators.bioguideId, parsed.data.senatorId));
  if (!row) throw new AppError('NOT_FOUND', 'That senator is not on the roster.');
  const { deliveryEmail, senateClass, cwcOfficeCode, cwcEnabled, ...senator } = row;
  const delivery = {
    deliveryEmail,
    cwcOfficeCode,
    cwcEnabled,
    route: describeOfficeRoute({ state: row.state, senateClass, cwcOfficeCode, cwcEnabled, deliveryEmail }, await loadDeliveryInbox(db)),
  };
  const [treaty] = await db
    .select({ id: treaties.id, shortName: treaties.shortName })
    .from(treaties)
    .where(parsed.data.treatyId ? eq(treaties.id, parsed.data.treatyId) : undefined)
    .orderBy(asc(treaties.createdAt))
    .limit(1);

  const empty = { stance: 'unknown' as Stance, statedOn: null, sourceUrl: null, note: null, expectedAbsent: false };
  if (!treaty) return { senator: { ...senator, stateName: stateName(senator.state) }, delivery, treaty: null, current: empty, entries: [] };

  const [position] = await db
    .select({
      stance: senatorPositions.stance,
      statedOn: senatorPositions.statedOn,
      sourceUrl: senatorPositions.sourceUrl,
      note: senatorPositions.note,
      expectedAbsent: senatorPositions.expectedAbsent,
    })
    .from(senatorPositions)
    .where(and(eq(senatorPositions.senatorId, senator.id), eq(senatorPositions.treatyId, treaty.id)));
  const rows = await db
    .select({
      id: senatorStanceEvents.id,
      stance: senatorStanceEvents.stance,
      statedOn: senatorStanceEvents.statedOn,
      sourceUrl: senatorStanceEvents.sourceUrl,
      note: senatorStanceEvents.note,
      callReportId: senatorStanceEvents.callReportId,
      recordedByName: users.name,
      recordedByEmail: users.email,
      recordedAt: senatorStanceEvents.recordedAt,
    })
    .from(senatorStanceEvents)
    .leftJoin(users, eq(users.id, senatorStanceEvents.recordedBy))
    .where(and(eq(senatorStanceEvents.senatorId, senator.id), eq(senatorStanceEvents.treatyId, treaty.id)))
    .orderBy(desc(senatorStanceEvents.recordedAt), desc(senatorStanceEvents.id));
  return {
    senator: { ...senator, stateName: stateName(senator.state) },
    delivery,
    treaty,
    current: position ?? empty,
    entries: rows.map(({ recordedByName, recordedByEmail, ...r }) => ({ ...r, recordedBy: recordedByName ?? recordedByEmail ?? null })),
  };
}
