// Every `_links.self` the OSDI API hands out resolves: starting at the entry point and at the
// helpers' answers, follow every link with each kind of key, route it to its handler, and expect 200
// for every self link. Other relations are followed too (to reach more documents); the only one
// allowed to answer 404 is osdi:person, for someone who did not opt in to the key's organisation.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import * as aep from '@/app/api/osdi/v1/route';
import * as petitions from '@/app/api/osdi/v1/petitions/route';
import * as petition from '@/app/api/osdi/v1/petitions/[id]/route';
import * as signatures from '@/app/api/osdi/v1/petitions/[id]/signatures/route';
import * as signature from '@/app/api/osdi/v1/petitions/[id]/signatures/[sid]/route';
import * as people from '@/app/api/osdi/v1/people/route';
import * as person from '@/app/api/osdi/v1/people/[id]/route';
import * as campaigns from '@/app/api/osdi/v1/advocacy_campaigns/route';
import * as campaign from '@/app/api/osdi/v1/advocacy_campaigns/[id]/route';
import * as outreaches from '@/app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/route';
import * as outreach from '@/app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/[oid]/route';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { liveLink } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { inScope, jsonPost, params, req, setUpOsdiWorld, writer, type OsdiWorld } from './osdi-fixtures';

type Get = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SEG = '([^/]+)';
// Every route file under app/api/osdi, as a path pattern (checked against the folder below).
const ROUTES: [string, RegExp, string[], Get][] = [
  ['route.ts', /^$/, [], aep.GET as Get],
  ['petitions/route.ts', /^\/petitions$/, [], petitions.GET as Get],
  ['petitions/[id]/route.ts', new RegExp(`^/petitions/${SEG}$`), ['id'], petition.GET as Get],
  ['petitions/[id]/signatures/route.ts', new RegExp(`^/petitions/${SEG}/signatures$`), ['id'], signatures.GET as Get],
  ['petitions/[id]/signatures/[sid]/route.ts', new RegExp(`^/petitions/${SEG}/signatures/${SEG}$`), ['id', 'sid'], signature.GET as Get],
  ['people/route.ts', /^\/people$/, [], people.GET as Get],
  ['people/[id]/route.ts', new RegExp(`^/people/${SEG}$`), ['id'], person.GET as Get],
  ['advocacy_campaigns/route.ts', /^\/advocacy_campaigns$/, [], campaigns.GET as Get],
  ['advocacy_campaigns/[id]/route.ts', new RegExp(`^/advocacy_campaigns/${SEG}$`), ['id'], campaign.GET as Get],
  ['advocacy_campaigns/[id]/outreaches/route.ts', new RegExp(`^/advocacy_campaigns/${SEG}/outreaches$`), ['id'], outreaches.GET as Get],
  ['advocacy_campaigns/[id]/outreaches/[oid]/route.ts', new RegExp(`^/advocacy_campaigns/${SEG}/outreaches/${SEG}$`), ['id', 'oid'], outreach.GET as Get],
];

function routeFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name === 'route.ts' ? [`${prefix}route.ts`] : [],
  );
}

/** GET an API URL through its route handler, as Next would route it. */
async function get(href: string, key: string): Promise<Response> {
  const url = new URL(href);
  const rest = url.pathname.replace(/^\/api\/osdi\/v1/, '');
  expect(url.pathname.startsWith('/api/osdi/v1'), href).toBe(true);
  for (const [, pattern, names, handler] of ROUTES) {
    const m = pattern.exec(rest);
    if (m) return handler(req(`${rest}${url.search}`, key), params(Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))));
  }
  throw new Error(`No route answers ${href}`);
}

type Link = { rel: string; href: string };

/** Every link in a HAL document, its embedded resources' included (curies are templates, not links). */
function linksOf(doc: unknown, out: Link[] = []): Link[] {
  if (Array.isArray(doc)) doc.forEach((d) => linksOf(d, out));
  else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if (k === '_links') {
        for (const [rel, l] of Object.entries(v as Record<string, unknown>)) {
          if (rel === 'curies') continue;
          for (const one of Array.isArray(l) ? l : [l]) out.push({ rel, href: (one as { href: string }).href });
        }
      } else linksOf(v, out);
    }
  }
  return out;
}

async function walk(key: string, starts: unknown[]) {
  const seen = new Map<string, number>();
  const queue: Link[] = starts.flatMap((d) => linksOf(d));
  const refused: Link[] = [];
  let selfLinks = 0;
  for (let link = queue.shift(); link; link = queue.shift()) {
    if (link.rel === 'self') selfLinks++;
    let status = seen.get(link.href);
    if (status === undefined) {
      const res = await get(link.href, key);
      status = res.status;
      seen.set(link.href, status);
      if (status === 200) queue.push(...linksOf(await res.json()));
    }
    if (status !== 200) refused.push(link);
  }
  return { seen, refused, selfLinks };
}

let w: OsdiWorld;

beforeEach(async () => {
  w = await setUpOsdiWorld();
});

it('every self link in every answer — lists, resources, helper answers — leads to a route that answers 200', async () => {
  expect(routeFiles(path.join(process.cwd(), 'app/api/osdi/v1')).sort()).toEqual(ROUTES.map((r) => r[0]).sort());
  const id = w.campaignId;
  const sign = (key: string, email: string) =>
    inScope(() =>
      signatures.POST(
        jsonPost(`/petitions/${id}/signatures`, key, {
          person: { given_name: 'Sam', family_name: 'Signer', email_addresses: [{ address: email }], postal_addresses: [{ postal_code: '20002' }] },
          'ratify:opt_in': true,
        }),
        params({ id }),
      ),
    );
  const write = (key: string, email: string) => inScope(() => outreaches.POST(jsonPost(`/advocacy_campaigns/${id}/outreaches`, key, writer(email, { 'ratify:opt_in': true })), params({ id })));
  const answers = [await sign(w.hostKey, 'hs@example.org'), await sign(w.alphaKey, 'as@example.org'), await write(w.hostKey, 'hw@example.org'), await write(w.alphaKey, 'aw@example.org')];
  expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  const docs = await Promise.all(answers.map((r) => r.json()));
  // Confirmed, so the partner's opted-in people are its to read.
  for (const email of ['hs@example.org', 'as@example.org']) {
    const [mail] = await outboxFor(email, 'signature-confirmation');
    await confirmSignature({ input: { token: (await liveLink(mail, 'confirmUrl')).split('/').pop()! } });
  }
  for (const email of ['hw@example.org', 'aw@example.org']) {
    const [mail] = await outboxFor(email, 'letters-confirmation');
    await confirmLetters({ input: { token: (await liveLink(mail, 'confirmUrl')).split('/').pop()! } });
  }
  const root = await (await aep.GET(req('', w.hostKey))).json();

  for (const [key, starts, minSelf] of [
    [w.hostKey, [root, ...docs], 12],
    [w.alphaKey, [root, docs[1], docs[3]], 10],
    [w.betaKey, [root], 5],
  ] as const) {
    const { seen, refused, selfLinks } = await walk(key, [...starts]);
    expect(selfLinks).toBeGreaterThanOrEqual(minSelf);
    expect(refused.filter((l) => l.rel !== 'osdi:person'), JSON.stringify(refused)).toEqual([]);
    if (key === w.hostKey) {
      // The host's walk reached every route, each answering 200 at least once.
      const reached = [...seen].filter(([, status]) => status === 200).map(([href]) => new URL(href).pathname.replace(/^\/api\/osdi\/v1/, ''));
      for (const [file, pattern] of ROUTES) expect(reached.some((p) => pattern.test(p)), file).toBe(true);
    }
  }
});
