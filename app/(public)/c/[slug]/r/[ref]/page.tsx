import type { Metadata } from 'next';
import { CampaignPageView, campaignMetadata } from '../../campaign-page-view';

// /c/[slug]?ref=<code> for a partner's code: proxy.ts rewrites such a visit here (the address bar
// keeps the link the partner shared), so the referring partner's opt-in box comes first in the HTML
// itself, with or without JavaScript. Cached like the plain page (one entry per campaign and
// partner: proxy.ts rewrites only the codes of current partners) and expired by the same tags.
export const revalidate = 30;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; ref: string }[] {
  return [];
}

type Params = { params: Promise<{ slug: string; ref: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return campaignMetadata((await params).slug);
}

export default async function ReferredCampaignPage({ params }: Params) {
  const { slug, ref } = await params;
  return <CampaignPageView slug={slug} refCode={ref} />;
}
