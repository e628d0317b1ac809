// Staff pages show times in UTC so that two people reading one page (or a printout) agree.
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toISOString().slice(0, 10);
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** `pending_confirmation` → `pending confirmation`. */
export const humanize = (value: string | null | undefined) => (value ? value.replaceAll('_', ' ') : '—');
