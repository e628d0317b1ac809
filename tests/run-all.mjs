#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set), the production build, Playwright e2e against it, and the fault suite when the project has
// one. Steps run side by side as far as their inputs allow and the cores do (TEST_JOBS, default the
// number of cores, at least 2): the build and both vitest runs start together, e2e (which wants both
// cores) starts once the build and vitest are done, then the fault suite with typecheck and lint
// beside it. Every step runs even when another fails; each step's output is printed when it ends
// (and kept in test-results/logs/) with its wall-clock and CPU time, then a summary ending with
// `N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { assertLocalDatabase } from './support/local-db.mjs';
import { runSteps } from './support/run-steps.mjs';

const root = process.cwd();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const E2E_DIST_DIR = '.next-e2e';
const LOG_DIR = path.join('test-results', 'logs');
const JOBS = Math.max(1, Number(process.env.TEST_JOBS) || Math.max(2, os.availableParallelism()));
const pgUrl = process.env.TEST_DATABASE_URL;
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};

/** `<db>_<suffix>` on the server of `url`, dropped and created afresh; refuses any non-local server. */
async function freshDatabase(url, suffix) {
  assertLocalDatabase(url, `drop and recreate a ${suffix} database`);
  const u = new URL(url);
  const name = `${u.pathname.slice(1) || 'ratify'}_${suffix}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  u.pathname = `/${name}`;
  return u.toString();
}

const vitestArgs = (projects, report) => [
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

// `weight` is how many of the TEST_JOBS slots a step occupies: e2e (a server and two browsers)
// wants both cores to itself rather than compete with vitest.
/** @type {import('./support/run-steps.mjs').Step[]} */
const steps = [
  {
    id: 'build',
    name: 'e2e server build (next build)',
    cmd: process.execPath,
    args: [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    // The typecheck step checks the same files (next.config.ts), so the build skips its own check.
    env: { NEXT_DIST_DIR: E2E_DIST_DIR, NEXT_BUILD_SKIP_TYPECHECK: '1' },
    ...restoreTsconfig(),
  },
  {
    id: 'vitest',
    name: 'unit + integration on PGlite (vitest)',
    cmd: bin('vitest'),
    args: vitestArgs(['unit', 'pglite'], 'test-results/vitest.json'),
    report: 'test-results/vitest.json',
    // One vitest process runs its files one at a time: about three quarters of a core, so the two
    // vitest runs share one slot and start beside the build.
    weight: 0.5,
  },
  ...(pgUrl
    ? [
        {
          id: 'vitest-postgres',
          name: 'integration on PostgreSQL (vitest)',
          cmd: bin('vitest'),
          args: vitestArgs(['postgres'], 'test-results/vitest-postgres.json'),
          report: 'test-results/vitest-postgres.json',
          // Half its time is PostgreSQL's (another process): it shares a slot with the PGlite run.
          weight: 0.5,
        },
      ]
    : []),
  {
    id: 'e2e',
    name: `e2e (playwright, ${pgUrl ? 'PostgreSQL' : 'PGlite'})`,
    cmd: bin('playwright'),
    args: ['test'],
    needs: ['build', 'vitest', ...(pgUrl ? ['vitest-postgres'] : [])],
    weight: 2,
    env: { NEXT_DIST_DIR: E2E_DIST_DIR },
    prepare: async () => (pgUrl ? { E2E_DATABASE_URL: await freshDatabase(pgUrl, 'e2e') } : {}),
    report: 'test-results/playwright.json',
  },
  // The fault suite (`npm run test:faults`), when package.json has one: after the build, on a fresh
  // `<db>_faults` database of its own. If it writes a vitest or Playwright JSON report to
  // FAULTS_JSON_REPORT, its counts join the summary; otherwise its exit code counts as one test.
  ...(scripts['test:faults']
    ? [
        {
          id: 'faults',
          name: 'fault suite (npm run test:faults)',
          cmd: 'npm',
          args: ['run', '--silent', 'test:faults'],
          needs: ['build', 'vitest', ...(pgUrl ? ['vitest-postgres'] : [])],
          // Half its time is spent waiting (leases, timeouts, a database restart): typecheck and lint
          // fill the other core meanwhile.
          weight: 1,
          env: { NEXT_DIST_DIR: E2E_DIST_DIR, FAULTS_JSON_REPORT: 'test-results/faults.json' },
          prepare: async () => (pgUrl ? { TEST_DATABASE_URL: await freshDatabase(pgUrl, 'faults') } : {}),
          report: 'test-results/faults.json',
        },
      ]
    : []),
  // Last, beside the fault suite, whose waits leave a core idle: before e2e they held back its start
  // (it wants both cores) by about their own length. After the build, too: `next build` rewrites
  // tsconfig.json while it runs (restored when it ends).
  { id: 'typecheck', name: 'typecheck (tsc)', cmd: bin('tsc'), args: ['--noEmit'], needs: ['build', 'e2e'], weight: 0.5 },
  { id: 'lint', name: 'lint (eslint)', cmd: bin('eslint'), args: ['--max-warnings=0', '.'], needs: ['e2e'], weight: 0.5 },
];

// next build adds `<distDir>/types` to tsconfig.json; a side build must not leave that edit behind
// (lib/cli/start.mjs does the same for `npm start`).
function restoreTsconfig() {
  const file = path.join(root, 'tsconfig.json');
  let before = '';
  return {
    prepare: async () => {
      before = fs.readFileSync(file, 'utf8');
      return {};
    },
    after: () => {
      if (before && fs.readFileSync(file, 'utf8') !== before) fs.writeFileSync(file, before);
    },
  };
}

const started = Date.now();
const seconds = (ms) => Math.round(ms / 1000);
const results = await runSteps(steps, { jobs: JOBS, logDir: LOG_DIR });

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** passed / failed / skipped from a vitest or Playwright JSON report, or null when there is none. */
function counts(file) {
  const r = readJson(file);
  if (r && typeof r.numPassedTests === 'number') return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests ?? 0 };
  // Playwright: a flaky test (passed on retry) counts as failed; retries are off anyway.
  if (r?.stats) return { passed: r.stats.expected ?? 0, failed: (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0), skipped: r.stats.skipped ?? 0 };
  return null;
}

console.log('\n=== summary ===');
let passed = 0;
let failed = 0;
for (const step of steps) {
  const r = results.get(step.id);
  const cpu = r?.cpu == null ? '' : `, ${r.cpu}s CPU`;
  console.log(`${r?.ok ? 'ok  ' : 'FAIL'} ${step.name} (${r?.seconds ?? '-'}s${cpu})`);
}
for (const step of steps.filter((s) => s.report)) {
  const c = counts(step.report);
  const ok = results.get(step.id)?.ok;
  // No report, or a failed run that reports no failed test (a crash, a setup error): one failure.
  const n = c ?? { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (!ok && n.failed === 0) n.failed = 1;
  if (!c && ok) n.passed = 1;
  passed += n.passed;
  failed += n.failed;
  console.log(`${step.id}: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`);
}
// Steps without a report (typecheck, lint, build) count as one failure when they fail.
failed += steps.filter((s) => !s.report && !results.get(s.id)?.ok).length;
console.log(`wall clock: ${seconds(Date.now() - started)}s with ${JOBS} parallel jobs on ${os.availableParallelism()} cores (load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(steps.every((s) => results.get(s.id)?.ok) ? 0 : 1);
