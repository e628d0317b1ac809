import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { LetterPanel } from '@/components/campaign/letter-panel';
import { ShareLinks } from '@/components/campaign/share-links';
import { Button } from '@/components/ui/button';
import { NoticePage } from '@/components/ui/notice-page';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import {
  findUsedSignatureConfirmation,
  previewSignatureConfirmation,
  type ConfirmSignatureResult,
} from '@/lib/petitions/confirm-signature';
import { confirmSignatureAction } from './actions';

export const metadata: Metadata = { title: 'Confirm your signature', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ confirmed?: string | string[] }> };

// Opening the link only looks; the button confirms (a plain form post, so it works without JS).
// Mail scanners open every link in an email, and a confirmed address also lets its owner's letters
// skip confirmation, so confirming takes a person's click. The token is single use; a second
// visit, an expired link or a mangled one gets a friendly explanation, never an error page.
export default async function ConfirmSignaturePage({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  if ((await searchParams).confirmed === '1') {
    const used = await findUsedSignatureConfirmation({ input: { token } });
    if (used) return <Confirmed campaign={used.campaign} />;
  }
  let preview: ConfirmSignatureResult;
  try {
    preview = await previewSignatureConfirmation({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return <LinkProblem expired={e.code === 'TOKEN_EXPIRED'} />;
  }
  return (
    <NoticePage title="Confirm your signature">
      <p>
        {preview.campaign ? (
          <>
            One click confirms that this is your email address and verifies your signature on{' '}
            <Link href={`/c/${preview.campaign.slug}`} className="text-brand-700 underline">
              {preview.campaign.title}
            </Link>
            .
          </>
        ) : (
          'One click confirms that this is your email address.'
        )}
      </p>
      <form action={confirmSignatureAction.bind(null, token)}>
        <Button pendingLabel="Confirming…" className="min-h-12 text-base">
          Confirm my signature
        </Button>
      </form>
    </NoticePage>
  );
}

function LinkProblem({ expired }: { expired: boolean }) {
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

function Confirmed({ campaign }: ConfirmSignatureResult) {
  return (
    <div className="space-y-8">
      <NoticePage title="Your signature is confirmed" tone="success">
        <p>
          Thank you
          {campaign ? (
            <>
              {' '}for signing{' '}
              <Link href={`/c/${campaign.slug}`} className="text-brand-700 underline">
                {campaign.title}
              </Link>
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
