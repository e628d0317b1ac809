#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set), then Playwright e2e against `next start`. Every step runs; the last lines sum them up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

const root = process.cwd();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];
fs.mkdirSync('test-results', { recursive: true });

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const ok = res.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

async function freshE2eDatabase(url) {
  const u = new URL(url);
  const name = `${u.pathname.slice(1) || 'ratify'}_e2e`;
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

step('typecheck', bin('tsc'), ['--noEmit']);
step('lint', bin('eslint'), ['--max-warnings=0', '.']);
step('unit + integration (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);

const e2eEnv = {};
if (process.env.TEST_DATABASE_URL) e2eEnv.E2E_DATABASE_URL = await freshE2eDatabase(process.env.TEST_DATABASE_URL);
step(`e2e (playwright, ${e2eEnv.E2E_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, bin('playwright'), ['test'], e2eEnv);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const v = readJson('test-results/vitest.json');
const p = readJson('test-results/playwright.json');
const vPassed = v?.numPassedTests ?? 0;
const vFailed = v ? v.numFailedTests : 1;
const vSkipped = v?.numPendingTests ?? 0;
const pPassed = p?.stats?.expected ?? 0;
const pFailed = p ? (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0) : 1;
const pSkipped = p?.stats?.skipped ?? 0;

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
const stepFailures = results.filter((r) => !r.ok).length;
console.log(`vitest: ${vPassed} passed, ${vFailed} failed, ${vSkipped} skipped`);
console.log(`playwright: ${pPassed} passed, ${pFailed} failed, ${pSkipped} skipped`);
const failed = vFailed + pFailed + (stepFailures && !(vFailed + pFailed) ? stepFailures : 0);
console.log(`${vPassed + pPassed} passed, ${failed} failed`);
process.exit(stepFailures ? 1 : 0);
