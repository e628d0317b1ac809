import fs from 'node:fs';
import path from 'node:path';

// The Senate roster every test reads: the congress-legislators snapshot kept beside the project
// (`../shared/data/congress-legislators`, read-only, never copied into the repository). Looked for
// in each folder above the project, so a git worktree nested one level deeper finds it too.

const ROOT = path.resolve(__dirname, '..', '..');
const RELATIVE = path.join('shared', 'data', 'congress-legislators');

function findSnapshot(): string {
  const tried: string[] = [];
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, RELATIVE);
    tried.push(candidate);
    if (fs.existsSync(path.join(candidate, 'legislators-current.yaml'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`The congress-legislators snapshot was not found (looked in ${tried.join(', ')}).`);
}

/** The YAML snapshot as published (100 senators, SSFR = Foreign Relations). */
export const ROSTER_SNAPSHOT = findSnapshot();

/**
 * The same four files as JSON, written once per test run by tests/support/roster-fixture.ts:
 * parsing the 1.8 MB of YAML costs 1–6 s on this machine, JSON a few milliseconds, and dozens of
 * integration tests import the roster before each test. Tests of the YAML reader itself use
 * ROSTER_SNAPSHOT.
 */
export const ROSTER_DIR = path.join(ROOT, '.test-data', 'roster-json');
