import type { ConsentOffer } from '@/lib/consents/types';

/** The partners co-sponsoring the campaign, in the staff's order, with their logos and links. */
export function CoSponsors({ sponsors }: { sponsors: Pick<ConsentOffer, 'id' | 'name' | 'website' | 'logoUrl'>[] }) {
  if (sponsors.length === 0) return null;
  return (
    <section aria-labelledby="co-sponsors-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="co-sponsors-heading" className="text-lg font-semibold">
        Co-sponsored by
      </h2>
      <ul className="mt-3 flex flex-wrap items-center gap-4">
        {sponsors.map((s) => {
          const body = (
            <span className="inline-flex items-center gap-2">
              {s.logoUrl && (
                // Partner logos are arbitrary https images: next/image would need every host configured.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={s.logoUrl} alt="" width={32} height={32} className="h-8 w-8 object-contain" loading="lazy" referrerPolicy="no-referrer" />
              )}
              {s.name}
            </span>
          );
          return (
            <li key={s.id}>
              {s.website ? (
                <a href={s.website} className="underline" rel="noopener noreferrer">
                  {body}
                </a>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
