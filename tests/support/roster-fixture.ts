import fs from 'node:fs';
import path from 'node:path';
import { ROSTER_FILES, readRosterSource } from '@/lib/senators/read-roster-source';
import { ROSTER_DIR, ROSTER_SNAPSHOT } from './roster';

// vitest globalSetup: parse the YAML snapshot once per run (in the main process) into JSON files in
// ROSTER_DIR, which the app's own reader takes as they are (it reads `<name>.json` when there is no
// YAML). Rewritten only when the snapshot changed; two runs at once (the PGlite and PostgreSQL
// projects start side by side) each write a folder of their own and rename it into place.

function stamp(): string {
  return ROSTER_FILES.map((name) => {
    const s = fs.statSync(path.join(ROSTER_SNAPSHOT, `${name}.yaml`));
    return `${name}:${s.size}:${s.mtimeMs}`;
  }).join('\n');
}

export default async function writeRosterFixture(): Promise<void> {
  const want = `${ROSTER_SNAPSHOT}\n${stamp()}`;
  const stampFile = path.join(ROSTER_DIR, 'SOURCE');
  const current = () => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === want;
  if (current()) return;

  const source = await readRosterSource(ROSTER_SNAPSHOT);
  const tmp = `${ROSTER_DIR}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  for (const name of ROSTER_FILES) fs.writeFileSync(path.join(tmp, `${name}.json`), JSON.stringify(source[name]));
  fs.writeFileSync(path.join(tmp, 'SOURCE'), want);
  if (current()) {
    fs.rmSync(tmp, { recursive: true, force: true }); // the other run was quicker
    return;
  }
  fs.rmSync(ROSTER_DIR, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, ROSTER_DIR);
  } catch (e) {
    // The other run renamed its copy in first: the same files, so keep theirs.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(stampFile)) throw e;
  }
}
