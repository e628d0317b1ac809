import Link from 'next/link';
import type { ReactNode } from 'react';

/** A one-message page (link problems, confirmations): heading, text, a way onward. */
export function NoticePage({
  title,
  children,
  tone = 'info',
}: {
  title: string;
  children?: ReactNode;
  tone?: 'info' | 'success' | 'problem';
}) {
  const accent = tone === 'success' ? 'border-green-600' : tone === 'problem' ? 'border-amber-500' : 'border-brand-600';
  return (
    <div className={`max-w-2xl border-l-4 pl-5 ${accent}`}>
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="mt-3 space-y-3 text-lg">{children}</div>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-brand-700 underline">
          See all campaigns
        </Link>
      </p>
    </div>
  );
}
