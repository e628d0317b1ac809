import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { LetterPanel } from '@/components/campaign/letter-panel';
import { ShareLinks } from '@/components/campaign/share-links';
import { NoticePage } from '@/components/ui/notice-page';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { confirmSignature } from '@/lib/petitions/confirm-signature';

export const metadata: Metadata = { title: 'Confirm your signature', robots: { index: false, follow: false } };

// Opening the emailed link confirms (one click, as the email promises). The token is single use;
// a second visit, an expired link or a mangled one gets a friendly explanation, never an error page.
export default async function ConfirmSignaturePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  let result;
  try {
    result = await confirmSignature({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    const expired = e.code === 'VALIDATION';
    return (
      <NoticePage title={expired ? 'This link has expired' : 'This link has already been used'} tone="problem">
        <p>
          {expired
            ? 'Confirmation links work for 30 days. If you would still like to sign, please sign the petition again and use the new link we send you.'
            : 'If you clicked it before, your signature is already confirmed — thank you. If the link looks cut short, try copying the whole link from the email into your browser.'}
        </p>
      </NoticePage>
    );
  }

  const campaign = result.campaign;
  return (
    <div className="space-y-8">
      <NoticePage title="Your signature is confirmed" tone="success">
        <p>
          Thank you{campaign ? (
            <>
              {' '}for signing <Link href={`/c/${campaign.slug}`} className="text-brand-700 underline">{campaign.title}</Link>
            </>
          ) : null}
          . It is now verified, which gives it more weight when the petition goes to the Senate.
        </p>
      </NoticePage>
      {campaign && (
        <div className="grid max-w-3xl gap-6">
          <LetterPanel slug={campaign.slug} source="confirm" />
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <ShareLinks campaignUrl={`${env().APP_URL.replace(/\/$/, '')}/c/${campaign.slug}`} title={campaign.title} />
          </div>
        </div>
      )}
    </div>
  );
}
