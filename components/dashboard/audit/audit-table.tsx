import { DataTable } from '@/components/dashboard/data-table/data-table';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import type { AuditEntryView } from '@/lib/audit/list-audit';

function describeData(data: Record<string, unknown>): string {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
}

export function AuditTable({ rows, total }: { rows: AuditEntryView[]; total: number }) {
  return (
    <DataTable
      caption={`Audit log (${total.toLocaleString('en-US')} entries)`}
      rows={rows}
      rowKey={(r) => String(r.id)}
      empty="No entries match these filters."
      columns={[
        {
          key: 'when',
          header: 'When',
          rowHeader: true,
          cell: (r) => <time dateTime={new Date(r.createdAt).toISOString()}>{formatDateTime(r.createdAt)}</time>,
          className: 'whitespace-nowrap',
        },
        { key: 'actor', header: 'Who', cell: (r) => r.actorEmail ?? (r.actorUserId ? `user ${r.actorUserId}` : 'System'), className: 'break-all' },
        { key: 'action', header: 'Action', cell: (r) => <code>{r.action}</code> },
        { key: 'entity', header: 'Subject', cell: (r) => (r.entityType ? `${r.entityType} ${r.entityId ?? ''}` : '—'), className: 'break-all' },
        { key: 'details', header: 'Details', cell: (r) => <span className="block max-w-md break-words text-xs">{describeData(r.data)}</span> },
      ]}
    />
  );
}
