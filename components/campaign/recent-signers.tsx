import type { RecentSigner } from '@/lib/petitions/list-recent-signers';

// Names and comments are supporter text: rendered as React text nodes only, never as HTML.
export function RecentSigners({ signers }: { signers: RecentSigner[] }) {
  if (signers.length === 0) return null;
  return (
    <section aria-labelledby="signers-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="signers-heading" className="text-xl font-semibold">
        Recent signers
      </h2>
      <ul className="mt-3 divide-y divide-slate-100">
        {signers.map((s, i) => (
          <li key={`${s.signedAt}-${i}`} className="py-3">
            <p className="font-medium break-words">
              {s.name}
              {s.state ? <span className="text-muted">, {s.state}</span> : null}
            </p>
            {s.comment && <p className="mt-1 whitespace-pre-line break-words text-sm">“{s.comment}”</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
