import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

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
  MAILBOX_ENABLED: '1',
  TRUST_PROXY: '1',
  OUTBOX_DRAIN_INTERVAL_MS: '250',
  ADMIN_EMAIL: 'owner@e2e.ratify.test',
  AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
  SENATORS_SOURCE: path.resolve(__dirname, '..', 'shared', 'data', 'congress-legislators'),
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  FORM_MIN_FILL_SECONDS: '1',
};
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
else {
  delete serverEnv.DATABASE_URL;
  serverEnv.PGLITE_DATA_DIR = `.test-data/e2e-pglite-${port}`;
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/playwright.json' }]],
  outputDir: `test-results/artifacts-${port}`,
  globalSetup: './tests/e2e/global-setup.ts',
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: serverEnv,
  },
});
