import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { AppError } from '@/lib/errors';

// The four files of the unitedstates/congress-legislators project that make up a senate roster.
export const ROSTER_FILES = [
  'legislators-current',
  'committee-membership-current',
  'legislators-district-offices',
  'legislators-social-media',
] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];
export type RosterSource = Record<RosterFile, unknown>;

// An AppError so a staff action shows the reason; the import's input is the file, hence VALIDATION.
export class RosterSourceError extends AppError {
  constructor(message: string) {
    super('VALIDATION', message);
    this.name = 'RosterSourceError';
  }
}

const FETCH_TIMEOUT_MS = 10_000;
// The real files are ~1 MB; anything far larger is not what we expect and would only cost memory.
const MAX_BYTES = 50 * 1024 * 1024;

export type ReadRosterOptions = { timeoutMs?: number; fetchImpl?: typeof fetch };

/** Read and parse the four roster files from a local folder or a base URL (`<base>/<name>.yaml|.json`). */
export async function readRosterSource(source: string, opts: ReadRosterOptions = {}): Promise<RosterSource> {
  const trimmed = source.trim();
  if (!trimmed) throw new RosterSourceError('No senators source given: pass a folder path or an http(s) base URL.');
  const read = /^https?:\/\//i.test(trimmed)
    ? (name: RosterFile) => readFromUrl(trimmed.replace(/\/+$/, ''), name, opts)
    : (name: RosterFile) => readFromDir(toDir(trimmed), name);
  // Read in parallel, but report problems in file order, so the message does not depend on timing.
  const settled = await Promise.allSettled(ROSTER_FILES.map(async (name) => [name, await read(name)] as const));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return Object.fromEntries(settled.map((r) => (r as PromiseFulfilledResult<readonly [RosterFile, unknown]>).value)) as RosterSource;
}

function toDir(source: string): string {
  if (/^file:\/\//i.test(source)) return fileURLToPath(source);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new RosterSourceError(`Unsupported senators source ${source}: use a folder path or an http(s) URL.`);
  }
  return path.resolve(source);
}

async function readFromDir(dir: string, name: RosterFile): Promise<unknown> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new RosterSourceError(`Senators source folder ${dir} does not exist or is not a folder.`);
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = path.join(dir, name + ext);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new RosterSourceError(`Could not read ${file}: ${(e as Error).message}`);
    }
    return parseText(text, ext, file);
  }
  throw new RosterSourceError(`${name} not found in ${dir} (looked for ${name}.yaml, ${name}.yml and ${name}.json).`);
}

async function readFromUrl(base: string, name: RosterFile, opts: ReadRosterOptions): Promise<unknown> {
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const tried: string[] = [];
  for (const ext of ['.yaml', '.json']) {
    const url = `${base}/${name}${ext}`;
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (e) {
      const err = e as Error;
      // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is in `cause`.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why =
        err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? err.message);
      throw new RosterSourceError(`Could not fetch ${name} from ${url}: ${why}`);
    }
    // Only a missing file falls back to the next format; any other failure is reported as is.
    if (res.status === 404) {
      tried.push(url);
      await res.body?.cancel();
      continue;
    }
    if (!res.ok) throw new RosterSourceError(`Could not fetch ${name} from ${url}: HTTP ${res.status} ${res.statusText}`.trim());
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) throw new RosterSourceError(`${url} is too large (${length} bytes) to be a roster file.`);
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw new RosterSourceError(`Could not download ${name} from ${url}: ${(e as Error).message}`);
    }
    return parseText(text, ext, url);
  }
  throw new RosterSourceError(`${name} not found at ${tried.join(' or ')} (HTTP 404).`);
}

function parseText(text: string, ext: string, where: string): unknown {
  if (text.length > MAX_BYTES) throw new RosterSourceError(`${where} is too large to be a roster file.`);
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new RosterSourceError(`${where} is not valid JSON: ${(e as Error).message}`);
    }
  }
  try {
    return YAML.parse(text);
  } catch (e) {
    // The yaml package's message already says the line and column.
    const first = (e as Error).message.split('\n')[0].replace(/:\s*$/, '');
    throw new RosterSourceError(`${where} is not valid YAML: ${first}`);
  }
}
