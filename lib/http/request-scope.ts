import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';

/**
 * The parts of the current request the shared pipelines read: its headers, its cookies, and work to
 * run after the answer is sent. In the app these are Next's own (next/headers, after); a test runs
 * a server action inside `runInRequestScope` to give it a request without a Next server, the same
 * way Next itself scopes requests (AsyncLocalStorage).
 */
export type RequestScope = {
  headers: Pick<Headers, 'get'>;
  cookies: Map<string, string>;
  after: (task: () => unknown) => void;
};

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export async function requestHeaders(): Promise<Pick<Headers, 'get'>> {
  return storage.getStore()?.headers ?? headers();
}

export async function readCookie(name: string): Promise<string | undefined> {
  const scope = storage.getStore();
  if (scope) return scope.cookies.get(name);
  return (await cookies()).get(name)?.value;
}

export async function setCookie(name: string, value: string, options: Parameters<Awaited<ReturnType<typeof cookies>>['set']>[2]): Promise<void> {
  const scope = storage.getStore();
  if (scope) scope.cookies.set(name, value);
  else (await cookies()).set(name, value, options);
}

export function runAfterResponse(task: () => unknown): void {
  const scope = storage.getStore();
  if (scope) scope.after(task);
  else after(task);
}
