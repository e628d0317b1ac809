#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve with lib/cli/server.mjs
// (Next's handler behind our own HTTP server, so client addresses come from the socket).
// The server migrates and seeds its own database at boot (instrumentation.ts).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
const sources = ['app', 'components', 'lib', 'db', 'emails', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs'];

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));

if (!builtAt || changedAt > builtAt || process.env.RATIFY_FORCE_BUILD === '1') {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  // next build adds `<distDir>/types` to tsconfig.json; a side build (NEXT_DIST_DIR for tests or
  // benchmarks) must not leave that edit in the working tree.
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  const res = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env });
  if (process.env.NEXT_DIST_DIR && fs.readFileSync(tsconfig, 'utf8') !== before) fs.writeFileSync(tsconfig, before);
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const args = [path.join(root, 'lib', 'cli', 'server.mjs'), '-p', process.env.PORT || '3000', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
