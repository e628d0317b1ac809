import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { CAMPAIGN_SLUG, fillPetition, openCampaign, signer, submitPetition } from './support/public';
import { E2E_ACTIONS_PER_IP } from './support/limits';
import { uniqueIp } from './support/unique';

// Per-connection limits hold whatever X-Forwarded-For / X-Real-IP a client sends (issue 7).
// The e2e servers allow E2E_ACTIONS_PER_IP signatures per address per 10 minutes. A burst may
// straddle a window boundary, so send up to two windows' worth: a limit that holds refuses one of them.
const SIGN_PER_IP = E2E_ACTIONS_PER_IP;
const MAX_TRIES = 2 * SIGN_PER_IP + 1;

const forged = (i: number) => `${(i % 200) + 20}.${(i >> 8) & 255}.${i & 255}.7`;

function sign(request: APIRequestContext, i: number, headers: Record<string, string>) {
  return request.post(`/api/campaigns/${CAMPAIGN_SLUG}/signatures`, { data: signer(`fwd-${i}`), headers });
}

/** Sign until refused; returns the status of the last attempt. */
async function signUntilRefused(request: APIRequestContext, headers: (i: number) => Record<string, string>) {
  let status = 0;
  for (let i = 0; i < MAX_TRIES && status !== 429; i++) status = (await sign(request, i, headers(i))).status();
  return status;
}

test('behind the trusted proxy, hops a client prepends to X-Forwarded-For do not escape the limit', async ({ request }) => {
  test.setTimeout(180_000);
  // The e2e server trusts one hop (TRUST_PROXY=1): this test client plays the load balancer, which
  // appends the address it saw after whatever the client sent.
  const client = uniqueIp();
  const status = await signUntilRefused(request, (i) => ({
    'x-forwarded-for': `${forged(i)}, 10.${i & 255}.0.1, ${client}`,
    'x-real-ip': forged(i),
  }));
  expect(status).toBe(429);
  // Another supporter behind the same proxy is not affected.
  const other = await sign(request, MAX_TRIES, { 'x-forwarded-for': `${client}, ${uniqueIp()}` });
  expect(other.status()).toBe(201);
});

test.describe('a server that trusts no proxy', () => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 30; // its own port: specs run side by side (playwright.config.ts)
  const baseURL = `http://localhost:${port}`;
  let server: ChildProcess | undefined;
  let output = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A second instance from the same build, as `npm run start:server` runs it, without TRUST_PROXY:
    // every request here comes straight from this test, so whatever headers it sends are forged.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      APP_URL: baseURL,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      TRUST_PROXY: '0',
      OUTBOX_IN_APP: '0',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      SENATORS_SOURCE: path.resolve('..', 'shared', 'data', 'congress-legislators'),
      LOG_LEVEL: 'warn',
      FORM_MIN_FILL_SECONDS: '1',
      DEMO_DATA: '0', // on PGlite a fresh database would get the demo dataset
      RATE_LIMIT_ACTIONS_PER_IP: String(E2E_ACTIONS_PER_IP),
    };
    if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL; // instances share PostgreSQL
    else {
      delete env.DATABASE_URL;
      env.PGLITE_DATA_DIR = `.test-data/e2e-direct-pglite-${port}`; // PGlite has one owner per folder
      fs.rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
    }
    // IPv4 only (-H): the browser and this test's request context then reach it from one address,
    // rather than one over ::1 and the other over 127.0.0.1 — two clients, as far as the server can tell.
    server = spawn(process.execPath, ['lib/cli/server.mjs', '-H', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    const ctx = await playwrightRequest.newContext({ baseURL });
    await expect
      .poll(async () => (await ctx.get('/api/health').catch(() => null))?.status() ?? 0, { timeout: 150_000, message: 'second server up' })
      .toBe(200);
    await ctx.dispose();
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  });

  test('a direct client cannot pick its address with X-Forwarded-For or X-Real-IP, in route handlers and form posts', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    // The form post (a server action) is filled first and sent right after the API burst, each with
    // headers of its own: it must land in the same bucket as the API calls.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.250', 'x-real-ip': '198.51.100.251' });
    // Instances share PostgreSQL, and with it the salt that signs forms. On PGlite this second instance
    // has a database of its own, while the cached campaign page it serves (one build folder) was signed
    // by the first: the form post is only meaningful on PostgreSQL (how several instances run).
    const sharedDatabase = !!process.env.E2E_DATABASE_URL;
    await openCampaign(page);
    await fillPetition(page, signer('direct-form'));

    const status = await signUntilRefused(context.request, (i) => ({ 'x-forwarded-for': forged(i), 'x-real-ip': forged(i + 1) }));
    expect(status).toBe(429);

    if (sharedDatabase) {
      await submitPetition(page);
      await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts from your connection' })).toBeVisible();
    } else {
      test.info().annotations.push({ type: 'note', description: 'form post checked on PostgreSQL runs only' });
    }
    await context.close();
    // Every request was read from the socket, none from headers (the fallback logs this line).
    expect(output).not.toMatch(/client addresses come from request headers/);
    expect(output).not.toMatch(/"level":50/);
  });
});
