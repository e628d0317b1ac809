import 'server-only';
import { asc } from 'drizzle-orm';
import type { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { cwcEnabled } from '@/lib/env';
import { ROUTE_LABELS, routeLetter, type RouteSenator } from '@/lib/letters/route-letter';
import type { LetterChannel } from '@/lib/letters/types';

/** Where a letter to this office goes, in words for staff (the whip board and the senator's page). */
export type OfficeRoute = { channel: LetterChannel; label: string; detail: string | null };

/** The coalition inbox letters fall back to (the host organisation's), or null. */
export async function loadDeliveryInbox(db: ReturnType<typeof getDb>): Promise<string | null> {
  const [org] = await db.select({ inbox: organisations.deliveryInboxEmail }).from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return org?.inbox ?? null;
}

/** routeLetter for an office, with its label and what it goes to (an address, or a CWC office code and where the code came from). */
export function describeOfficeRoute(senator: RouteSenator, inbox: string | null, cwcOn = cwcEnabled()): OfficeRoute {
  const r = routeLetter({ cwcOn, mode: 'office', senator, inbox });
  const detail = r.channel === 'cwc' ? `${r.officeCode}${r.codeSource === 'override' ? ' (set by staff)' : ' (from the roster)'}` : r.to;
  return { channel: r.channel, label: ROUTE_LABELS[r.channel], detail };
}
