import { describe, expect, it, vi } from 'vitest';
import { AppError, isAppError, toFormState } from '@/lib/errors';
import { isTemplateError, TemplateError } from '@/lib/email/render';

// Next bundles server code into chunks that can each hold their own copy of a module: an error
// thrown by one copy must still be recognised by the other (else an AppError answers 500, and a
// broken template is retried as if the provider were down).
describe('errors from another copy of their module', () => {
  it('an AppError is still an AppError, and maps to its form state', async () => {
    vi.resetModules();
    const other = await import('@/lib/errors');
    const e = new other.AppError('NOT_FOUND', 'No such campaign.');
    expect(e).not.toBeInstanceOf(AppError);
    expect(isAppError(e)).toBe(true);
    expect(await toFormState(e)).toEqual({ status: 'error', code: 'NOT_FOUND', message: 'No such campaign.' });
    // Look-alikes are not.
    expect(isAppError(Object.assign(new Error('x'), { name: 'AppError', code: 'NOT_FOUND' }))).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it('a TemplateError is still a TemplateError', async () => {
    vi.resetModules();
    const other = await import('@/lib/email/render');
    const e = new other.TemplateError('Unknown template');
    expect(e).not.toBeInstanceOf(TemplateError);
    expect(isTemplateError(e)).toBe(true);
    expect(isTemplateError(new Error('Unknown template'))).toBe(false);
  });
});
