import type { SenatorCard as Card } from './lookup-view';
import { formatDay } from '@/components/campaign/stage-copy';
import { PUBLIC_STANCE_LABELS } from '@/lib/senators/public-stance';

const RANK: Record<string, string> = { senior: 'Senior senator', junior: 'Junior senator' };

/** `tel:` wants digits: "202-224-2152" → "+12022242152". */
function telHref(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  return null;
}

function safeHttp(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

const display = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

export function SenatorCard({ senator, headingLevel = 3 }: { senator: Card; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const tel = senator.phone ? telHref(senator.phone) : null;
  const website = safeHttp(senator.website);
  const contact = safeHttp(senator.contactForm);
  const rank = senator.stateRank ? RANK[senator.stateRank] : null;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`Senator ${senator.name}`}>
      <H className="text-lg font-semibold">Senator {senator.name}</H>
      <p className="text-sm text-muted">{[senator.party, senator.state, rank].filter(Boolean).join(' · ')}</p>
      {senator.ssfr.member && (
        <p className="mt-2 inline-block rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900">
          Foreign Relations Committee{senator.ssfr.title ? ` — ${senator.ssfr.title}` : ''}
        </p>
      )}
      {senator.committeeNote && <p className="mt-2 text-sm">{senator.committeeNote}</p>}
      {senator.publicStance && (
        <p className="mt-2 text-sm" data-testid="public-stance">
          <span className="font-medium">Position on the treaty:</span> {PUBLIC_STANCE_LABELS[senator.publicStance.stance]}
          {senator.publicStance.statedOn ? ` (since ${formatDay(senator.publicStance.statedOn)})` : ''}
          {senator.publicStance.sourceUrl && (
            <>
              {' · '}
              <a href={senator.publicStance.sourceUrl} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                Source<span className="sr-only"> for Senator {senator.name}’s position</span>
              </a>
            </>
          )}
        </p>
      )}
      {senator.letterVariant && (
        <p className="mt-2 text-sm" data-testid="letter-variant">
          <span className="font-medium">Your letter:</span> {senator.letterVariant.label}. {senator.letterVariant.reason}
        </p>
      )}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {senator.phone && (
          <>
            <dt className="font-medium">Phone</dt>
            <dd>{tel ? <a href={tel} className="text-brand-700 underline">{senator.phone}</a> : senator.phone}</dd>
          </>
        )}
        {senator.dcAddress && (
          <>
            <dt className="font-medium">DC office</dt>
            <dd>{senator.dcAddress}</dd>
          </>
        )}
        {website && (
          <>
            <dt className="font-medium">Website</dt>
            <dd className="break-all">
              <a href={website} className="text-brand-700 underline" rel="noopener noreferrer">
                {display(website)}
              </a>
            </dd>
          </>
        )}
        {contact && (
          <>
            <dt className="font-medium">Contact form</dt>
            <dd>
              <a href={contact} className="text-brand-700 underline" rel="noopener noreferrer">
                Write to Senator {senator.lastName} on their website
              </a>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
