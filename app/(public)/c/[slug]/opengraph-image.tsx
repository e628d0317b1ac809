import { ImageResponse } from 'next/og';
import { findPublicCampaignBySlug } from '@/lib/campaigns/find-public-campaign-by-slug';
import { cachedSignatureCount } from '@/lib/campaigns/public-cache';

// Per-campaign share card: title and live count, drawn with next/og's bundled font only. Characters
// outside it would make next/og fetch fonts or emoji from a CDN, so they are dropped from the card.
// Rendered on request (never at build time) and cached like the page.
export const revalidate = 300;
export const alt = 'Campaign petition and signature count';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const printable = (s: string) =>
  s
    .replace(/[^\u0020-\u007E\u00A0-\u017F\u2010-\u2027\u20AC]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const campaign = await findPublicCampaignBySlug((await params).slug);
  const count = campaign ? await cachedSignatureCount(campaign.id, 300) : 0;
  const title = campaign ? printable(campaign.title) : 'Ratify';
  const org = campaign ? printable(campaign.organisationName) : '';
  const kicker = campaign ? printable(campaign.treaty.shortName) : '';
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px',
          background: '#1e3a8a',
          color: 'white',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 32, color: '#bfdbfe' }}>{kicker}</div>
          <div style={{ fontSize: title.length > 70 ? 56 : 68, lineHeight: 1.15, marginTop: 16 }}>{title}</div>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }}>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <div style={{ fontSize: 96, lineHeight: 1 }}>{count.toLocaleString('en-US')}</div>
            <div style={{ fontSize: 36, color: '#bfdbfe' }}>{count === 1 ? 'signature' : 'signatures'}</div>
          </div>
          <div style={{ fontSize: 28, color: '#bfdbfe', maxWidth: 520, textAlign: 'right' }}>{org}</div>
        </div>
      </div>
    ),
    size,
  );
}
