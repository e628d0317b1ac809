import type { ReactNode } from 'react';

/** A closed campaign: no forms, the outcome in the coalition's words, and the final count. */
export function ClosedResult({ resultNote, closedAt, children }: { resultNote: string | null; closedAt: string | null; children?: ReactNode }) {
  const closedOn = closedAt
    ? new Date(closedAt).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    : null;
  return (
    <div className="space-y-4">
      <h2 className="text-2xl font-bold">This campaign has closed</h2>
      <p className="text-muted">
        {closedOn ? `It stopped taking signatures on ${closedOn}. ` : 'It no longer takes signatures. '}
        Thank you to everyone who took part.
      </p>
      {resultNote && (
        <div className="rounded-md bg-brand-50 p-4">
          <h3 className="font-semibold">Result</h3>
          <p className="mt-1 whitespace-pre-line">{resultNote}</p>
        </div>
      )}
      {children}
    </div>
  );
}
