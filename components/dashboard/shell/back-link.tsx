import Link from 'next/link';
import type { ReactNode } from 'react';

/** The "Back to …" link above a dashboard page's heading. */
export function BackLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <p className={className}>
      <Link href={href} className="text-brand-700 underline">
        {children}
      </Link>
    </p>
  );
}
