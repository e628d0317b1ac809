'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While an update is sending, re-read the page every few seconds so its progress moves. (Without JS, reload.) */
export function RefreshWhileSending({ active, everyMs = 3000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs, router]);
  return null;
}
