import type { LedgerRow } from '@/lib/letters/list-letters';

type Channel = NonNullable<LedgerRow['channel']>;

/** How the ledger names each delivery channel (a new channel needs its line here). */
export const CHANNEL_LABELS: Record<Channel, string> = {
  cwc: 'CWC',
  office_email: 'office email',
  coalition_inbox: 'coalition inbox',
  supporter: 'supporter',
};

/** The channel, and for CWC the office it was filed with: `CWC to SIL02`. */
export function channelCell(r: Pick<LedgerRow, 'channel' | 'officeCode'>): string {
  if (!r.channel) return '—';
  return r.channel === 'cwc' && r.officeCode ? `CWC to ${r.officeCode}` : CHANNEL_LABELS[r.channel];
}
