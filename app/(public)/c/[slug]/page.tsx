import type { Metadata } from 'next';
import { CampaignPageView, campaignMetadata } from './campaign-page-view';

// Served from the full-route cache (ISR), rendered on first request and never at build time (no
// database then): no paths up front, any slug rendered on demand. The page reads no request data
// (no headers, cookies or search params), so it stays static; staff edits expire it through the
// campaign's cache tag (lib/campaigns/cache-tags.ts), and it re-renders in the background at most
// every 30 s for the count and recent signers. The browser then refreshes the count through the
// view beacon, and a signer's own answer carries the count the service returned.
export const revalidate = 30;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return campaignMetadata((await params).slug);
}

export default async function CampaignPage({ params }: Params) {
  return <CampaignPageView slug={(await params).slug} />;
}
