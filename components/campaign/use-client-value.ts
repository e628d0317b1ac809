'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** A value only the browser knows (the URL, "JS is running"), with `serverValue` during SSR and hydration. */
export function useClientValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscription, read, () => serverValue);
}

export function useHydrated(): boolean {
  return useClientValue(() => true, false);
}

/** The `?source=` of the current page, trimmed to a sane length. */
export function useUrlSource(): string {
  return useClientValue(() => (new URLSearchParams(window.location.search).get('source') ?? '').slice(0, 40), '');
}
