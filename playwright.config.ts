import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './tests/e2e/support/webhook';
import { ROSTER_SNAPSHOT } from './tests/support/roster';

const port = Number(process.env.E2E_PORT ?? 3100);
// Next rewrites 127.0.0.1 to localhost in request URLs, so links and cookies say localhost.
const baseURL = `http://localhost:${port}`;

function chromiumPath(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the e2e tests. Install Debian\'s package (`apt-get install -y chromium`) or set ' +
        'PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome binary. (`npx playwright install` needs internet access.)',
    );
  }
  return found;
}

const serverEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  PORT: String(port),
  APP_URL: baseURL,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  // Its own build folder, never the one `npm start` serves; tests/run-all.mjs builds it while vitest
  // runs, and start-server.mjs builds it only when the sources are newer.
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-e2e',
  MAILBOX_ENABLED: '1',
  TRUST_PROXY: '1',
  OUTBOX_DRAIN_INTERVAL_MS: '250',
  ADMIN_EMAIL: 'owner@e2e.ratify.test',
  AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
  SENATORS_SOURCE: ROSTER_SNAPSHOT,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  // No minimum fill time, so no test waits before a submit; the refusal of a too-fast form is proven
  // in tests/integration/security-form-guard.test.ts, and the honeypot test here shows the guard runs.
  FORM_MIN_FILL_SECONDS: '0',
  // The specs count the demo campaign's signatures from zero (on PGlite the demo data would seed).
  DEMO_DATA: '0',
  // tests/e2e/delivery.spec.ts signs Resend webhooks with it.
  RESEND_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
};
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
else {
  delete serverEnv.DATABASE_URL;
  serverEnv.PGLITE_DATA_DIR = `.test-data/e2e-pglite-${port}`;
}

// Two browsers side by side (E2E_WORKERS=1 for one), each running its project's specs in order.
// `petition.spec.ts` asserts exact counts (+1 per signature), so nothing may sign the demo campaign
// while it runs: specs that do (and any new spec, until it is known not to) share its worker;
// the specs listed in PARALLEL never sign the demo campaign and run in the other (cwc-delivery
// writes only on a server and database of its own).
const PARALLEL = [
  'authz-matrix',
  'campaign-editor',
  'campaign-page',
  'cwc-delivery',
  'foundation',
  'letters',
  'lookup',
  'senators-staff',
  'staff-auth',
].map((name) => `**/${name}.spec.ts`);
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/playwright.json' }]],
  outputDir: `test-results/artifacts-${port}`,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // Waits for the roster, then signs in one member of every role and saves their sessions.
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'signing', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: PARALLEL, workers: 1 },
    { name: 'parallel', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testMatch: PARALLEL, workers: 1 },
  ],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `${baseURL}/api/health`,
    // Generous: when tests/run-all.mjs has not built first, this includes `next build` on a busy machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: serverEnv,
  },
});
