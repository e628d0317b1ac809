import { request as playwrightRequest, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { can, type Role } from '../../lib/auth/permissions';
import { requestPathOf, staffPages, staffRoutes, type RouteRule } from '../support/route-permissions';
import { addPartner, authFile, expect, roles, test } from './support/staff';
import { RUN } from './support/unique';

// Runtime half of the authorisation matrix (the static half is tests/unit/authz-matrix.test.ts):
// every staff page and route in tests/support/route-permissions.ts, requested anonymously, with a
// forged session cookie, and as each role (the sessions tests/e2e/auth.setup.ts saved).

test.describe.configure({ mode: 'serial' });

const as: Partial<Record<Role, APIRequestContext>> = {};
let anonymous: APIRequestContext;
let forged: APIRequestContext;
const contexts: BrowserContext[] = [];

test.beforeAll(async ({ browser, baseURL }) => {
  for (const role of roles) {
    const context = await browser.newContext({ storageState: authFile(role) });
    contexts.push(context);
    as[role] = context.request;
  }
  anonymous = await playwrightRequest.newContext({ baseURL });
  forged = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: 'authjs.session-token=00000000-forged-session-token' },
  });
});

test.afterAll(async () => {
  await anonymous?.dispose();
  await forged?.dispose();
  for (const c of contexts) await c.close();
});

function send(ctx: APIRequestContext, rule: RouteRule) {
  const path = requestPathOf(rule);
  return rule.method === 'POST' ? ctx.post(path, { maxRedirects: 0 }) : ctx.get(path, { maxRedirects: 0 });
}

for (const rule of staffPages) {
  const path = requestPathOf(rule);
  test(`page ${path} needs ${rule.permission}`, async () => {
    for (const [who, ctx] of [['anonymous', anonymous], ['forged cookie', forged]] as const) {
      const res = await send(ctx, rule);
      expect(res.status(), `${who} → ${path}`).toBe(307);
      const location = new URL(res.headers()['location'], 'http://x');
      expect(location.pathname, `${who} → ${path}`).toBe('/sign-in');
      expect(location.searchParams.get('callbackUrl')).toBe(path);
    }
    for (const role of roles) {
      const res = await send(as[role]!, rule);
      const expected = can(role, rule.permission) ? (rule.allowed ?? [200]) : [403];
      expect(expected, `${role} → ${path} answered ${res.status()}`).toContain(res.status());
    }
  });
}

for (const rule of staffRoutes) {
  const path = requestPathOf(rule);
  test(`route ${rule.method ?? 'GET'} ${path} needs ${rule.permission}`, async () => {
    expect((await send(anonymous, rule)).status(), 'anonymous').toBe(401);
    expect((await send(forged, rule)).status(), 'forged cookie').toBe(401);
    for (const role of roles) {
      const res = await send(as[role]!, rule);
      const expected = can(role, rule.permission) ? (rule.allowed ?? [200]) : [403];
      expect(expected, `${role} → ${path} answered ${res.status()}`).toContain(res.status());
      if (res.status() === 403) expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });
}

// IDOR: the partner member may name another organisation's id in any URL; pages answer 404 and
// routes a JSON 404, exactly as for an id that does not exist.
test('a partner asking for another partner by id gets 404 from pages and routes', async ({ browser }) => {
  const ownerContext = await browser.newContext({ storageState: authFile('owner') });
  contexts.push(ownerContext);
  const owner = await ownerContext.newPage();
  const name = await addPartner(owner, `IDOR Other ${RUN}`, `idor-other-${RUN}`);
  await owner.goto('/dashboard/partner');
  const otherId = await owner.locator('select[name="organisationId"] option', { hasText: name }).getAttribute('value');
  expect(otherId).toMatch(/^[0-9a-f-]{36}$/);
  const partner = as.partner!;
  for (const path of [`/dashboard/partner?organisationId=${otherId}`, `/dashboard/partner/people?organisationId=${otherId}`]) {
    expect((await partner.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  const exportRes = await partner.get(`/api/exports/consents?organisationId=${otherId}`);
  expect(exportRes.status()).toBe(404);
  expect(await exportRes.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  // Its own export works, and host-wide people routes stay closed to it.
  expect((await partner.get('/api/exports/consents')).status()).toBe(200);
  expect((await partner.get('/api/exports/signers?preset=crm')).status()).toBe(403);
});
