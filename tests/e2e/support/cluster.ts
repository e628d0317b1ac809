import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROSTER_SNAPSHOT } from '../../support/roster';
import { dropDatabase, recreateDatabase } from '../../support/scratch-db';

// Helpers for specs that start their own instances (lib/cli/cluster.mjs) on a database of their own.

/** A new, empty database `<e2e db>_<tag>` (dropped first if a crashed run left it), or null without PostgreSQL. */
export async function freshDatabase(tag: string): Promise<string | null> {
  const raw = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  return raw ? recreateDatabase(raw, tag) : null;
}

export { dropDatabase };

/** What the instances of an e2e cluster share with the single e2e server's configuration. */
export function clusterEnv(ownerEmail: string): Record<string, string> {
  return {
    MAILBOX_ENABLED: '1',
    OUTBOX_DRAIN_INTERVAL_MS: '250',
    ADMIN_EMAIL: ownerEmail,
    // Found above the project wherever it is checked out (a worktree sits a level deeper).
    SENATORS_SOURCE: ROSTER_SNAPSHOT,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    FORM_MIN_FILL_SECONDS: '1',
  };
}

/**
 * Send every request of `page` through the proxy to a chosen instance (1-based): `pick` gets the
 * method and resource type, e.g. documents from instance 1 and form posts to instance 2.
 */
export async function pinInstances(page: Page, pick: (method: string, resourceType: string) => number, extra: Record<string, string> = {}) {
  await page.route('**/*', (route) => {
    const req = route.request();
    return route.continue({ headers: { ...req.headers(), ...extra, 'x-ratify-instance': String(pick(req.method(), req.resourceType())) } });
  });
}

/**
 * One production server (lib/cli/server.mjs, as `npm start` runs it: client addresses from the
 * socket) from the e2e build on `port` with `env` (e.g. its own PGLITE_DATA_DIR), for specs that
 * restart a server or need other settings than the e2e server's; resolves once /api/health answers.
 * `output()` is the end of what it printed, for a failing test's message.
 */
export async function startServer(
  port: number,
  env: Record<string, string | undefined>,
): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const { spawn } = await import('node:child_process');
  const root = path.resolve(__dirname, '..', '..', '..');
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    // The e2e server's build (playwright.config.ts builds it before any spec runs).
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-e2e',
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'server.mjs'), '-p', String(port)], {
    cwd: root,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
  child.stderr.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server on ${port} not ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
