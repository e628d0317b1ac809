import type { CampaignStatus } from '@/lib/campaigns/schemas';

const styles: Record<CampaignStatus, string> = {
  draft: 'border-slate-400 bg-slate-100 text-slate-800',
  live: 'border-green-700 bg-green-50 text-green-900',
  closed: 'border-amber-700 bg-amber-50 text-amber-900',
};
export const statusLabels: Record<CampaignStatus, string> = { draft: 'Draft', live: 'Live', closed: 'Closed' };

/** Status in words (never colour alone), plus "Archived" when it is. */
export function StatusBadge({ status, archived = false }: { status: CampaignStatus; archived?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${styles[status]}`}>{statusLabels[status]}</span>
      {archived && (
        <span className="rounded border border-slate-500 bg-white px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-800">
          Archived
        </span>
      )}
    </span>
  );
}
