import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/auth/session-user';
import { resolveAuthRedirect, safeCallbackPath } from '@/lib/auth/safe-redirect';

// requireStaffPage reads the path the proxy stamped on the request.
const fakeHeaders = new Headers({ 'x-ratify-path': '/dashboard/team?tab=invites' });
vi.mock('next/headers', () => ({ headers: async () => fakeHeaders, cookies: async () => new Map() }));
const { staffGuards } = await import('@/lib/auth/staff-guards');

const analyst: StaffUser = { id: 'u1', email: 'a@example.org', name: null, role: 'analyst' };
const as = (user: StaffUser | null) => staffGuards(async () => user);

async function thrown(p: Promise<unknown>): Promise<Error & { digest?: string }> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: Error & { digest?: string }) => e,
  );
}

describe('requireStaffPage', () => {
  it('sends anonymous visitors to sign-in with a callback to the current page', async () => {
    const e = await thrown(as(null).requireStaffPage('dashboard:view'));
    expect(e.digest).toMatch(/^NEXT_REDIRECT;/);
    expect(e.digest).toContain(`/sign-in?callbackUrl=${encodeURIComponent('/dashboard/team?tab=invites')}`);
  });

  it('answers 403 (the forbidden() digest) when the role lacks the permission', async () => {
    const e = await thrown(as(analyst).requireStaffPage('staff:manage'));
    expect(e.digest).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('returns the user when allowed', async () => {
    expect(await as(analyst).requireStaffPage('people:view')).toEqual(analyst);
  });
});

describe('requireStaffAction', () => {
  it('throws UNAUTHORIZED, then FORBIDDEN, then lets through', async () => {
    const anon = await thrown(as(null).requireStaffAction('people:view'));
    expect(anon).toBeInstanceOf(AppError);
    expect((anon as AppError).code).toBe('UNAUTHORIZED');
    const denied = await thrown(as(analyst).requireStaffAction('campaigns:edit'));
    expect((denied as AppError).code).toBe('FORBIDDEN');
    expect(await as(analyst).requireStaffAction('exports:run')).toEqual(analyst);
  });
});

describe('requireStaffApi', () => {
  it('answers 401 and 403 as JSON, else the user', async () => {
    const anon = await as(null).requireStaffApi('exports:run');
    expect(anon).toBeInstanceOf(Response);
    expect((anon as Response).status).toBe(401);
    expect(await (anon as Response).json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const denied = (await as({ ...analyst, role: 'viewer' }).requireStaffApi('exports:run')) as Response;
    expect(denied.status).toBe(403);
    expect(await as(analyst).requireStaffApi('exports:run')).toEqual(analyst);
  });
});

describe('safe redirects', () => {
  it.each([
    ['/dashboard/team?x=1#h', '/dashboard/team?x=1#h'],
    ['https://evil.example', '/dashboard'],
    ['//evil.example/x', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['javascript:alert(1)', '/dashboard'],
    ['/sign-in', '/dashboard'],
    ['dashboard', '/dashboard'],
    [' /dashboard', '/dashboard'],
    ['/dash\nboard', '/dashboard'],
    [undefined, '/dashboard'],
  ])('safeCallbackPath(%j) → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ['/dashboard/people', 'http://localhost:3000/dashboard/people'],
    ['http://localhost:3000/dashboard', 'http://localhost:3000/dashboard'],
    ['https://evil.example/x', 'http://localhost:3000/dashboard'],
    ['http://localhost:3000.evil.example/', 'http://localhost:3000/dashboard'],
    ['//evil.example', 'http://localhost:3000/dashboard'],
    ['/\\evil.example', 'http://localhost:3000/dashboard'],
    ['http://localhost:3001/', 'http://localhost:3000/dashboard'],
  ])('resolveAuthRedirect(%j) → %s', (input, expected) => {
    expect(resolveAuthRedirect(input, 'http://localhost:3000')).toBe(expected);
  });
});
