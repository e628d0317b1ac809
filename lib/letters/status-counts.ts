import { sql } from 'drizzle-orm';
import { letters } from '@/db/schema';
import type { LetterStatusCounts } from './ledger-schemas';

const countStatus = (status: string) => sql<number>`count(${letters.id}) filter (where ${letters.status} = ${status})::int`;

/** Select fields counting letters by status (use with a join or where on `letters`). */
export const letterStatusCountFields = {
  pending_confirmation: countStatus('pending_confirmation'),
  queued: countStatus('queued'),
  sent: countStatus('sent'),
  self_send: countStatus('self_send'),
  failed: countStatus('failed'),
  total: sql<number>`count(${letters.id})::int`,
};

export function toStatusCounts(r: Record<keyof LetterStatusCounts, number | string>): LetterStatusCounts {
  return {
    pending_confirmation: Number(r.pending_confirmation),
    queued: Number(r.queued),
    sent: Number(r.sent),
    self_send: Number(r.self_send),
    failed: Number(r.failed),
    total: Number(r.total),
  };
}
