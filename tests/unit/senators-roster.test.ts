import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRoster, ROSTER_RULES, RosterError } from '@/lib/senators/parse-roster';
import { readRosterSource, ROSTER_FILES, RosterSourceError, type RosterSource } from '@/lib/senators/read-roster-source';
import { ROSTER_DIR } from '../support/roster';

type Leg = { id: { bioguide: string }; name: { official_full?: string }; terms: Record<string, unknown>[] };
const last = (l: Leg) => l.terms[l.terms.length - 1];
const isSen = (l: Leg) => last(l).type === 'sen';

let snapshot: RosterSource;
const copy = (): RosterSource => structuredClone(snapshot);
const legs = (r: RosterSource) => r['legislators-current'] as Leg[];

function rejection(raw: RosterSource): string {
  try {
    parseRoster(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(RosterError);
    return (e as Error).message;
  }
  throw new Error('expected the roster to be rejected');
}

// The snapshot as JSON (parsed from its YAML once per run; reading the YAML itself is proven by
// tests/integration/senators-import.test.ts).
beforeAll(async () => {
  snapshot = await readRosterSource(ROSTER_DIR);
});

describe('parseRoster', () => {
  it('maps the snapshot to 100 senators with their SSFR seats', () => {
    const rows = parseRoster(copy());
    expect(rows).toHaveLength(100);
    const sanders = rows.find((r) => r.bioguideId === 'S000033')!;
    expect(sanders).toMatchObject({
      officialName: 'Bernard Sanders',
      state: 'VT',
      party: 'Independent',
      senateClass: 1,
      stateRank: 'senior',
      phone: '202-224-5141',
      contactForm: 'https://www.sanders.senate.gov/contact/',
      website: 'https://www.sanders.senate.gov',
      social: { twitter: 'SenSanders', facebook: 'senatorsanders', youtube: 'senatorsanders' },
      ssfrMember: false,
    });
    expect(rows.find((r) => r.bioguideId === 'R000584')).toMatchObject({
      ssfrMember: true, ssfrRank: 1, ssfrTitle: 'Chairman', ssfrParty: 'majority',
    });
    const shaheen = rows.find((r) => r.bioguideId === 'S001181')!;
    expect(shaheen).toMatchObject({ ssfrTitle: 'Ranking Member', ssfrParty: 'minority', ssfrRank: 1 });
    expect(shaheen.stateOffices).toContainEqual({
      city: 'Berlin', address: '961 Main St.', suite: null, zip: '03570', phone: '603-752-6300',
    });
    expect(rows.filter((r) => r.ssfrMember)).toHaveLength(22);
  });

  it('accepts a few vacancies', () => {
    const raw = copy();
    const gone = new Set(legs(raw).filter(isSen).slice(0, ROSTER_RULES.maxVacancies).map((l) => l.id.bioguide));
    raw['legislators-current'] = legs(raw).filter((l) => !gone.has(l.id.bioguide));
    expect(parseRoster(raw)).toHaveLength(100 - ROSTER_RULES.maxVacancies);
  });

  it('rejects a truncated file', () => {
    const raw = copy();
    const keep = new Set(legs(raw).filter(isSen).slice(0, 40).map((l) => l.id.bioguide));
    raw['legislators-current'] = legs(raw).filter((l) => !isSen(l) || keep.has(l.id.bioguide));
    expect(rejection(raw)).toMatch(/legislators-current lists 40 senators[\s\S]*no senator for/);
  });

  it('rejects more vacancies than allowed, even with every state present', () => {
    const raw = copy();
    const seen = new Set<string>();
    const drop = new Set<string>();
    for (const l of legs(raw).filter(isSen)) {
      const st = last(l).state as string;
      if (seen.has(st) && drop.size < ROSTER_RULES.maxVacancies + 1) drop.add(l.id.bioguide);
      seen.add(st);
    }
    raw['legislators-current'] = legs(raw).filter((l) => !drop.has(l.id.bioguide));
    expect(rejection(raw)).toMatch(/6 states have only one senator/);
  });

  it('rejects a third senator for a state, a duplicate and a senator for DC', () => {
    const raw = copy();
    const list = legs(raw);
    const vt = list.find((l) => l.id.bioguide === 'S000033')!;
    list.push({ ...structuredClone(vt), id: { bioguide: 'Z000001' } });
    list.push(structuredClone(list.find((l) => l.id.bioguide === 'W000800')!));
    const dc = structuredClone(list.find((l) => l.id.bioguide === 'C000127')!);
    dc.id.bioguide = 'Z000002';
    last(dc).state = 'DC';
    list.push(dc);
    const message = rejection(raw);
    expect(message).toMatch(/VT has 4 senators/);
    expect(message).toMatch(/W000800 \(Peter Welch\) is listed twice/);
    expect(message).toMatch(/represents DC, which is not a state/);
  });

  it('rejects a schema mismatch, naming the record and the field', () => {
    const raw = copy();
    const vt = legs(raw).find((l) => l.id.bioguide === 'S000033')!;
    last(vt).class = 4;
    expect(rejection(raw)).toMatch(/legislators-current does not have the expected format:\n.*\(S000033\)\.terms\.\d+\.class/);
    const raw2 = copy();
    raw2['legislators-current'] = { not: 'a list' };
    expect(rejection(raw2)).toMatch(/legislators-current does not have the expected format/);
  });

  it('rejects a membership file without SSFR or with a partial SSFR', () => {
    const raw = copy();
    const { SSFR, ...rest } = raw['committee-membership-current'] as Record<string, unknown[]>;
    raw['committee-membership-current'] = rest;
    expect(rejection(raw)).toMatch(/no SSFR/);
    const raw2 = copy();
    raw2['committee-membership-current'] = { ...rest, SSFR: SSFR.slice(0, 5) };
    expect(rejection(raw2)).toMatch(/lists 5 current senators on SSFR/);
  });

  it('rejects an offices file that covers only some senators', () => {
    const raw = copy();
    raw['legislators-district-offices'] = (raw['legislators-district-offices'] as unknown[]).slice(0, 100);
    expect(rejection(raw)).toMatch(/legislators-district-offices has entries for only \d+ of 100 senators/);
  });
});

describe('readRosterSource', () => {
  let tmp: string;
  let server: http.Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ratify-roster-'));
    server = http.createServer((req, res) => {
      hits.push(req.url!);
      const name = path.basename(req.url!);
      if (req.url!.startsWith('/slow/')) return; // never answers: the timeout must fire
      if (req.url!.startsWith('/broken/')) return res.writeHead(500).end('oops');
      // Only JSON is served here, so every .yaml request falls back to .json.
      if (req.url!.startsWith('/data/') && name.endsWith('.json')) {
        const data = snapshot[name.replace(/\.json$/, '') as keyof RosterSource];
        if (data) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads JSON from a folder when there is no YAML', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'json-'));
    for (const name of ROSTER_FILES) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(snapshot[name]));
    const raw = await readRosterSource(dir);
    expect(parseRoster(raw)).toHaveLength(100);
  });

  it('names the missing file and the folder', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'empty-'));
    await expect(readRosterSource(dir)).rejects.toThrow(
      new RegExp(`legislators-current not found in ${dir} \\(looked for legislators-current.yaml`),
    );
    await expect(readRosterSource(path.join(tmp, 'nope'))).rejects.toThrow(/does not exist/);
  });

  it('names the file and line of a YAML error', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'bad-'));
    for (const name of ROSTER_FILES) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(snapshot[name]));
    fs.writeFileSync(path.join(dir, 'legislators-current.yml'), '- id:\n    bioguide: [unclosed\n  name: x\n');
    const err = await readRosterSource(dir).catch((e: Error) => e);
    expect(err).toBeInstanceOf(RosterSourceError);
    expect((err as Error).message).toMatch(/legislators-current\.yml is not valid YAML: .*line \d+/);
  });

  it('fetches from a base URL, falling back from .yaml to .json', async () => {
    hits.length = 0;
    const raw = await readRosterSource(`${base}/data/`);
    expect(parseRoster(raw)).toHaveLength(100);
    expect(hits).toContain('/data/legislators-current.yaml');
    expect(hits).toContain('/data/legislators-current.json');
  });

  it('reports HTTP errors, missing files and timeouts with the URL', async () => {
    await expect(readRosterSource(`${base}/broken`)).rejects.toThrow(
      new RegExp(`Could not fetch legislators-current from ${base}/broken/legislators-current.yaml: HTTP 500`),
    );
    await expect(readRosterSource(`${base}/missing`)).rejects.toThrow(
      /legislators-current not found at .*\/missing\/legislators-current\.yaml or .*\/missing\/legislators-current\.json/,
    );
    await expect(readRosterSource(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow(
      /Could not fetch \S+ from http:\/\/127\.0\.0\.1:\d+\/slow\/\S+\.yaml: no answer within 0\.2 s/,
    );
  });
});
