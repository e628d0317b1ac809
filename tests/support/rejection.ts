import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** The AppError a service call rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error('expected a rejection, but the call succeeded'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
