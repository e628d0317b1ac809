// Build when the sources are newer than the last build (used by `npm start` and the cluster).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'db', 'emails', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs'];

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

/**
 * `next build` into `distDir` unless its build is newer than every source (or RATIFY_FORCE_BUILD=1).
 * Throws when the build fails.
 * @param {{ root?: string, distDir?: string, env?: NodeJS.ProcessEnv }} [options]
 */
export function buildIfNeeded({ root = process.cwd(), distDir = process.env.NEXT_DIST_DIR || '.next', env = process.env } = {}) {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
  if (builtAt && changedAt <= builtAt && env.RATIFY_FORCE_BUILD !== '1') return;
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  // next build adds `<distDir>/types` to tsconfig.json; a side build (NEXT_DIST_DIR for tests or
  // benchmarks) must not leave that edit in the working tree.
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const res = spawnSync(process.execPath, [next, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (distDir !== '.next' && fs.readFileSync(tsconfig, 'utf8') !== before) fs.writeFileSync(tsconfig, before);
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status})`);
}
