import Link from 'next/link';
import { DataTable } from '@/components/dashboard/data-table/data-table';
import { formatCount } from '@/components/dashboard/data-table/format';
import type { SenatorTallies } from '@/lib/letters/list-senator-tallies';

export function SenatorTalliesTable({ tallies, canOpenPackets }: { tallies: SenatorTallies; canOpenPackets: boolean }) {
  return (
    <DataTable
      caption={`Letters and in-state signers per senator for ${tallies.campaign.title}`}
      rows={tallies.rows}
      rowKey={(r) => r.senatorId}
      columns={[
        {
          key: 'senator',
          header: 'Senator',
          rowHeader: true,
          cell: (r) => (
            <>
              {r.name} ({r.party[0]}–{r.state}){!r.isCurrent && <span className="text-muted"> · former</span>}
            </>
          ),
        },
        { key: 'signers', header: 'Signers in state', cell: (r) => formatCount(r.signersInState), className: 'text-right' },
        { key: 'verified', header: 'Verified', cell: (r) => formatCount(r.verifiedSignersInState), className: 'text-right' },
        { key: 'letters', header: 'Letters', cell: (r) => formatCount(r.letters.total), className: 'text-right' },
        { key: 'sent', header: 'Sent', cell: (r) => formatCount(r.letters.sent), className: 'text-right' },
        { key: 'queued', header: 'Queued', cell: (r) => formatCount(r.letters.queued), className: 'text-right' },
        { key: 'pending', header: 'Awaiting confirmation', cell: (r) => formatCount(r.letters.pending_confirmation), className: 'text-right' },
        { key: 'self', header: 'Sent by supporter', cell: (r) => formatCount(r.letters.self_send), className: 'text-right' },
        { key: 'failed', header: 'Failed', cell: (r) => formatCount(r.letters.failed), className: 'text-right' },
        ...(canOpenPackets
          ? [
              {
                key: 'packet',
                header: 'Delivery packet',
                cell: (r: SenatorTallies['rows'][number]) => (
                  <Link href={`/dashboard/letters/packet/${tallies.campaign.id}/${r.senatorId}`} className="text-brand-700 underline">
                    Packet<span className="sr-only"> for {r.name}</span>
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
