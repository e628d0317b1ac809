import { useId } from 'react';
import { CopyLinkButton } from './copy-link-button';

export type ShareChannel = 'email' | 'x' | 'bluesky' | 'facebook' | 'link';

/** The campaign URL tagged with where it was shared, so sign-ups can be credited to the channel. */
export function shareUrl(campaignUrl: string, channel: ShareChannel): string {
  const u = new URL(campaignUrl);
  u.searchParams.set('source', channel);
  return u.toString();
}

// Plain links (no third-party scripts, nothing loaded until someone clicks). Usable from server
// and client components; only the copy button needs JS, and without JS the URL sits in a readonly
// input to copy by hand.
export function ShareLinks({
  campaignUrl,
  title,
  headingLevel = 2,
  id: sectionId,
}: {
  campaignUrl: string;
  title: string;
  headingLevel?: 2 | 3;
  /** An in-page anchor for the section. */
  id?: string;
}) {
  const text = `${title} — add your name:`;
  const links: { channel: ShareChannel; label: string; href: string }[] = [
    {
      channel: 'email',
      label: 'Email',
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${text}\n\n${shareUrl(campaignUrl, 'email')}`)}`,
    },
    {
      channel: 'x',
      label: 'X',
      href: `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(shareUrl(campaignUrl, 'x'))}`,
    },
    {
      channel: 'bluesky',
      label: 'Bluesky',
      href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${text} ${shareUrl(campaignUrl, 'bluesky')}`)}`,
    },
    {
      channel: 'facebook',
      label: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(shareUrl(campaignUrl, 'facebook'))}`,
    },
  ];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const linkUrl = shareUrl(campaignUrl, 'link');
  return (
    <section id={sectionId} aria-labelledby={`${id}-heading`} className="no-print scroll-mt-4">
      <Heading id={`${id}-heading`} className="text-lg font-semibold">
        Share this campaign
      </Heading>
      <ul className="mt-3 flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.channel}>
            <a
              href={l.href}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-slate-50"
              {...(l.channel === 'email' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
            >
              {l.channel === 'email' ? 'Share by email' : `Share on ${l.label}`}
              {l.channel !== 'email' && <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-url`} className="block text-sm font-medium">
            Link to this campaign
          </label>
          <input
            id={`${id}-url`}
            readOnly
            value={linkUrl}
            className="mt-1 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm"
          />
        </div>
        <CopyLinkButton url={linkUrl} />
      </div>
    </section>
  );
}
