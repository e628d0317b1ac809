import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startCluster, type Cluster } from '../../lib/cli/cluster.mjs';
import { clusterEnv, dropDatabase, freshDatabase, pinInstances } from './support/cluster';
import { CAMPAIGN_PATH, CAMPAIGN_SLUG, fillPetition, signer } from './support/public';
import { uniqueIp } from './support/unique';
import { OWNER_EMAIL, openSignInLink, requestSignInLink } from './support/staff';

// Several instances, one truth: three production instances on one PostgreSQL database behind the
// round-robin proxy of `npm run start:cluster`. What one instance is told, every instance serves
// within a second; a page rendered by one posts its form to another; sessions and rate limits
// are shared. Needs PostgreSQL (TEST_DATABASE_URL or E2E_DATABASE_URL), like any real scale-out.

// Three more production servers beside the e2e one: on a busy 2-core machine their first renders
// are slow, so each test gets more time (timing is never what these tests judge).
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const INSTANCES = 3;
const PROPAGATION_MS = 1_000;
const port = Number(process.env.E2E_PORT ?? 3100);
let databaseUrl: string | null = null;
let cluster: Cluster;
let owner: { context: BrowserContext; page: Page };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  databaseUrl = await freshDatabase('cluster');
  test.skip(!databaseUrl, 'needs PostgreSQL: set TEST_DATABASE_URL');
  cluster = await startCluster({
    instances: INSTANCES,
    databaseUrl: databaseUrl!,
    basePort: port + 1,
    proxyPort: port + 10,
    env: clusterEnv(OWNER_EMAIL),
  });
  owner = await signedInOwner(browser);
});

test.afterAll(async () => {
  await owner?.context.close();
  await cluster?.stop();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

async function signedInOwner(browser: Browser) {
  const context = await browser.newContext({ baseURL: cluster.proxyUrl });
  const page = await context.newPage();
  await openSignInLink(page, await requestSignInLink(context, OWNER_EMAIL));
  // The first /dashboard render of a cold instance beside the e2e server takes its time on 2 cores.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 90_000 });
  return { context, page };
}

/** Send the owner's page (all its requests) to instance `n` from now on. */
async function ownerOn(n: number) {
  await owner.page.unrouteAll({ behavior: 'wait' });
  await pinInstances(owner.page, () => n);
}

/**
 * Ask every instance directly, again and again, until it answers `path` as `expected` says. The
 * promise is about what an instance serves, not how fast this busy machine renders: every request
 * sent later than PROPAGATION_MS after the staff action answered must get the change. Returns when
 * the last request that still got the old answer was sent (0 when none did), for the slowest instance.
 */
async function expectEverywhere(path: string, expected: { status: number; text?: string }): Promise<number> {
  const started = Date.now();
  const answers = await Promise.all(
    cluster.urls.map(async (base) => {
      let lastOld = 0;
      for (;;) {
        const sentAt = Date.now() - started;
        const res = await fetch(`${base}${path}`);
        const body = await res.text();
        if (res.status === expected.status && (!expected.text || body.includes(expected.text))) {
          // …and stays changed: the next answer too (no older render may come back).
          const again = await fetch(`${base}${path}`);
          const againBody = await again.text();
          if (again.status !== expected.status || (expected.text && !againBody.includes(expected.text))) {
            return { base, lastOld, never: `changed, then ${again.status} again` };
          }
          return { base, lastOld };
        }
        lastOld = sentAt;
        if (sentAt > 15_000) return { base, lastOld, never: `${res.status} ${res.headers.get('x-nextjs-cache') ?? '-'}` };
        await new Promise((r) => setTimeout(r, 25));
      }
    }),
  );
  for (const a of answers) {
    expect(a.never, `${a.base}${path} never answered ${JSON.stringify(expected)}`).toBeUndefined();
    expect(a.lastOld, `${a.base}${path}: the old answer to a request sent ${a.lastOld} ms after the change`).toBeLessThanOrEqual(PROPAGATION_MS);
  }
  return Math.max(...answers.map((a) => a.lastOld));
}

/** Ask every instance twice, so each holds the answer in its cache (and its local copy). */
async function warmEverywhere(path: string) {
  for (const base of cluster.urls) {
    await fetch(`${base}${path}`);
    await fetch(`${base}${path}`);
  }
}

test('a page rendered by one instance posts its form to another, with and without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ baseURL: cluster.proxyUrl, javaScriptEnabled });
    const page = await context.newPage();
    const [from, to] = javaScriptEnabled ? [1, 2] : [3, 1];
    await pinInstances(page, (method) => (method === 'POST' ? to : from), { 'x-forwarded-for': uniqueIp() });
    const shown = await page.goto(CAMPAIGN_PATH);
    expect(shown?.headers()['x-ratify-instance']).toBe(String(from));
    const openedAt = Date.now();

    const s = signer(javaScriptEnabled ? 'cluster-js' : 'cluster-nojs');
    await fillPetition(page, s);
    const wait = openedAt + 1_200 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait); // the form's minimum fill time (1 s in e2e)
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === CAMPAIGN_PATH);
    await page.getByRole('button', { name: 'Sign the petition' }).click();
    const answer = await posted;
    expect(answer.headers()['x-ratify-instance']).toBe(String(to));
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
    await context.close();
  }
});

test('a staff session made through one instance is valid on every instance', async () => {
  for (let n = 1; n <= INSTANCES; n++) {
    const res = await owner.context.request.get('/dashboard', { headers: { 'x-ratify-instance': String(n) }, maxRedirects: 0 });
    expect(res.status(), `GET /dashboard on instance ${n}`).toBe(200);
    expect(res.headers()['x-ratify-instance']).toBe(String(n));
  }
});

test('the per-address signing limit counts across instances', async ({ request }) => {
  // The per-email limit (5 attempts an hour, lib/security/public-limits.ts) is the one a test can
  // reach without hundreds of requests: attempts spread over the three instances count as one.
  const data = signer('limit');
  const sign = (n: number) =>
    request.post(`${cluster.proxyUrl}/api/campaigns/${CAMPAIGN_SLUG}/signatures`, {
      data,
      headers: { 'x-forwarded-for': uniqueIp(), 'x-ratify-instance': String(n) },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await sign((i % INSTANCES) + 1)).status());
  // The first signs; the repeats are told it is already signed; none is refused yet.
  expect(statuses[0]).toBe(201);
  expect(statuses.every((s) => s < 300), `statuses ${statuses.join(', ')}`).toBe(true);
  for (let n = 1; n <= INSTANCES; n++) expect((await sign(n)).status(), `instance ${n}`).toBe(429);
});

test('publish, edit, close and unpublish through one instance show on every instance within a second', async () => {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const slug = `cluster-${run}`;
  const title = `One truth ${run}`;
  const path = `/c/${slug}`;
  const took: Record<string, number> = {};

  // A draft: every instance answers (and caches) 404 for its address.
  await ownerOn(1);
  await owner.page.goto('/dashboard/campaigns/new');
  await owner.page.getByLabel('Title', { exact: true }).fill(title);
  await owner.page.getByLabel('Web address (optional)').fill(slug);
  await owner.page.getByRole('button', { name: 'Create draft' }).click();
  await expect(owner.page).toHaveURL(/\/dashboard\/campaigns\/[0-9a-f-]{36}\?notice=created$/);
  const editorUrl = owner.page.url().split('?')[0];
  await warmEverywhere(path);
  await warmEverywhere('/');
  await expectEverywhere(path, { status: 404 });

  // Published through instance 2: the page and the home page's list, everywhere.
  await ownerOn(2);
  await owner.page.goto(editorUrl);
  await owner.page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(owner.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  took.publish = await expectEverywhere(path, { status: 200, text: title });
  took['home page'] = await expectEverywhere('/', { status: 200, text: title });

  // Edited through instance 3.
  await warmEverywhere(path);
  await ownerOn(3);
  await owner.page.goto(editorUrl);
  await owner.page.getByLabel('Title', { exact: true }).fill(`${title}, edited`);
  await owner.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  took.edit = await expectEverywhere(path, { status: 200, text: `${title}, edited` });

  // Closed through instance 1.
  await warmEverywhere(path);
  await ownerOn(1);
  await owner.page.goto(editorUrl);
  await owner.page.getByLabel('Result note').fill(`Closed for the cluster test ${run}`);
  await owner.page.getByRole('button', { name: 'Close campaign' }).click();
  await expect(owner.page.getByText('The campaign is closed; the page shows your result note.')).toBeVisible();
  took.close = await expectEverywhere(path, { status: 200, text: `Closed for the cluster test ${run}` });

  // Moved back to draft through instance 2: gone everywhere.
  await warmEverywhere(path);
  await ownerOn(2);
  await owner.page.goto(editorUrl);
  await owner.page.getByRole('button', { name: 'Move back to draft' }).click();
  await expect(owner.page.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
  took.unpublish = await expectEverywhere(path, { status: 404 });

  console.log(
    `cluster (${INSTANCES} instances): the last request answered with the old page was sent this long after the staff action answered: ` +
      Object.entries(took)
        .map(([what, ms]) => `${what} ${ms} ms`)
        .join(', '),
  );
});
