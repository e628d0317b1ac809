// Shared by the OSDI integration tests that need letters: requests to the route handlers, a seeded
// campaign with the Senate roster, two co-sponsoring partners and a key for each kind of caller.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/raw';
import { seedDatabase } from '@/db/seed/seed-database';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { runInRequestScope } from '@/lib/http/request-scope';
import { createPartner } from '@/lib/organisations/create-partner';
import { createApiKey } from '@/lib/osdi/api-keys';
import { importSenators } from '@/lib/senators/import-senators';
import { getTestDb } from '../support/test-db';
import { ROSTER_DIR } from '../support/roster';
import { makeStaff } from './staff-fixtures';

export const SLUG = 'protect-children-protocol';
/** Springfield, Illinois: Senators Durbin and Duckworth. */
export const IL_ZIP = '62701';

let ipSeq = 0;

/** A request to the API with this key; each from its own address, so per-IP limits stay out of the way. */
export const req = (path: string, key: string | null, init: RequestInit = {}) =>
  new Request(`http://localhost/api/osdi/v1${path}`, {
    ...init,
    headers: { ...(key ? { 'OSDI-API-Token': key } : {}), 'x-forwarded-for': `198.51.100.${++ipSeq % 250}`, ...(init.headers ?? {}) },
  });

export const params = <T,>(p: T) => ({ params: Promise.resolve(p) });

/** Outside Next, the request scope the pipeline's after-response work needs. */
export const inScope = <T,>(fn: () => Promise<T>) => runInRequestScope({ headers: new Headers(), cookies: new Map<string, string>(), after: () => {} }, fn);

export const jsonPost = (path: string, key: string, body: unknown) =>
  req(path, key, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A record_outreach_helper body for someone in Springfield, IL. */
export const writer = (email: string, over: Record<string, unknown> = {}) => ({
  person: {
    given_name: 'Ida',
    family_name: 'Wells',
    email_addresses: [{ address: email, primary: true }],
    postal_addresses: [{ postal_code: IL_ZIP, locality: 'Springfield', region: 'IL', country: 'US' }],
  },
  ...over,
});

export type OsdiWorld = { campaignId: string; alpha: string; beta: string; hostKey: string; alphaKey: string; alphaReadKey: string; betaKey: string };

export async function setUpOsdiWorld({ roster = true } = {}): Promise<OsdiWorld> {
  const { db } = await getTestDb();
  const { campaignId, organisationId } = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  if (roster) await importSenators({ source: ROSTER_DIR, db });
  const owner = await makeStaff('owner');
  const { id: alpha } = await createPartner({ actor: owner, input: { name: 'Alpha', slug: 'alpha' } });
  const { id: beta } = await createPartner({ actor: owner, input: { name: 'Beta', slug: 'beta' } });
  await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [alpha, beta], refOnlyPartnerBox: false } });
  const key = async (organisationId: string, scope: 'read' | 'read_write', name: string) => (await createApiKey({ actor: owner, input: { organisationId, name, scope } })).key;
  return {
    campaignId,
    alpha,
    beta,
    hostKey: await key(organisationId, 'read_write', 'Host CRM'),
    alphaKey: await key(alpha, 'read_write', 'Alpha CRM'),
    alphaReadKey: await key(alpha, 'read', 'Alpha reports'),
    betaKey: await key(beta, 'read_write', 'Beta CRM'),
  };
}

/** How many rows the helper could have written, to check that a refused request wrote none. */
export async function writtenRows() {
  const { db } = await getTestDb();
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from letters) as letters, (select count(*)::int from supporters) as supporters,
               (select count(*)::int from consents) as consents, (select count(*)::int from email_outbox) as outbox,
               (select count(*)::int from action_tokens) as tokens`,
  );
  return r;
}
