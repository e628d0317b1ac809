import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ACTIONS_PER_IP } from './tests/e2e/support/limits';
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
  // A small per-connection limit, so the specs that prove it sign 20 times rather than 300.
  RATE_LIMIT_ACTIONS_PER_IP: String(E2E_ACTIONS_PER_IP),
  // tests/e2e/delivery.spec.ts signs Resend webhooks with it.
  RESEND_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
};
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
else {
  delete serverEnv.DATABASE_URL;
  serverEnv.PGLITE_DATA_DIR = `.test-data/e2e-pglite-${port}`;
}

// Tests run side by side, on E2E_WORKERS workers (default 2: the run is bound by the CPU, and on 2
// cores three or four workers made every test slower and the run longer). Each test may run in
// either worker, so a long spec file does not keep one worker busy while the other has finished;
// the files whose tests share what an earlier one did say so (`mode: 'serial'` or 'default').
// Every spec uses its own supporters, staff sessions and senators, so they do not disturb each other; the one
// exception is the exact-count test of the demo campaign (petition-counts.spec.ts), which runs in
// the `counts` project, beside the sign-ins of `setup` and before everything else.
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous limits, which a passing test never reaches, keep a busy runner from failing a test that
  // is only slow.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/playwright.json' }]],
  outputDir: `test-results/artifacts-${port}`,
  use: {
    baseURL,
    // Recording a trace (screenshots and DOM snapshots at every step) made each test cost a third more
    // CPU on a 2-core runner; E2E_TRACE=1 keeps one for each failed test. A failure always leaves its
    // error-context.md (the page's accessibility snapshot) in test-results/.
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
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
    // Beside the sign-ins (which sign no petition), in the other worker.
    { name: 'counts', use: { ...devices['Desktop Chrome'] }, testMatch: /petition-counts\.spec\.ts$/ },
    { name: 'e2e', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup', 'counts'], testIgnore: /petition-counts\.spec\.ts$/ },
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
