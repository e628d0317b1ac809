import Link from 'next/link';
import type { WhipCount } from '@/lib/senators/get-whip-count';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

/** The Foreign Relations Committee: its members' stances and the majority that reports the treaty favourably. */
export function CommitteeView({ whip }: { whip: WhipCount }) {
  const { members, majority, yes } = whip.committee;
  if (members.length === 0) return null;
  const short = Math.max(0, majority - yes);
  return (
    <section aria-labelledby="committee-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="committee-heading" className="text-lg font-semibold">
        Foreign Relations Committee
      </h2>
      <p>
        {members.length} members: a majority of {majority} reports the treaty favourably. {yes} lean{yes === 1 ? 's' : ''} yes
        {short > 0 ? `; ${short} more needed.` : ': enough, if all hold.'}
      </p>
      <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {members.map((m) => (
          <li key={m.id}>
            <Link href={`/dashboard/senators/${m.id}${whip.treaty ? `?treaty=${whip.treaty.id}` : ''}`} className="underline">
              {m.officialName}
            </Link>{' '}
            ({m.party.charAt(0)}-{m.state}){m.ssfrTitle ? `, ${m.ssfrTitle}` : ''}: <strong>{STANCE_LABELS[m.stance]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
