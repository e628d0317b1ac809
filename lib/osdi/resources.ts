import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { AppError } from '@/lib/errors';
import { activeConsentWhere } from '@/lib/partners/opted-in-query';
import type { ApiCaller } from './authenticate';
import { collection, resourceHead, type CollectionQuery } from './query';

// The OSDI resources a key may read. Petitions are public data; people are only those with a
// standing, confirmed consent to the key's organisation; signatures are all of a petition's for
// the host's keys (host staff see every signer) and, for a partner's keys, only those of people
// who opted in to that partner: a key sees what its organisation's staff may see, never more.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `ratify:<uuid>` or a bare uuid, from a URL segment; anything else is a 404. */
export function parseOsdiId(segment: string): string {
  const id = decodeURIComponent(segment).replace(/^ratify:/, '');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'No such resource.');
  return id.toLowerCase();
}

export const visiblePerson = (caller: ApiCaller, supporterCol: SQL) =>
  sql`exists (select 1 from consents c join supporters p on p.id = c.supporter_id where c.supporter_id = ${supporterCol} and ${activeConsentWhere(caller.organisationId)})`;

type PetitionRow = { id: string; slug: string; title: string; summary: string; created_at: string; updated_at: string; status: string; n: number };

function petition(base: string, appUrl: string, r: PetitionRow) {
  const self = `${base}/petitions/${r.id}`;
  return {
    ...resourceHead(r.id, r.created_at, r.updated_at),
    title: r.title,
    description: r.summary,
    browser_url: `${appUrl}/c/${r.slug}`,
    total_signatures: Number(r.n),
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:record_signature_helper': { href: `${self}/signatures` },
    },
  };
}

const petitionSelect = (where: SQL) =>
  sql`select c.id, c.slug, c.title, c.summary, c.created_at::text, c.updated_at::text, c.status::text,
             (select count(*)::int from signatures s where s.campaign_id = c.id) as n
      from campaigns c where c.status in ('live', 'closed') and ${where}`;

/**
 * One page of the live and closed campaigns (as petitions, or as advocacy campaigns: the same
 * campaigns) and how many there are, oldest first; `select` picks the columns for a `where` on `c`.
 */
export async function campaignPage<R>(select: (where: SQL) => SQL, q: CollectionQuery): Promise<{ rows: R[]; total: number }> {
  const where = q.modifiedSince ? sql`c.updated_at > ${q.modifiedSince}::timestamptz` : sql`true`;
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    queryRows<R>(db, sql`${select(where)} order by c.created_at, c.id limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from campaigns c where c.status in ('live', 'closed') and ${where}`),
  ]);
  return { rows, total: Number(total) };
}

export async function listPetitions(base: string, appUrl: string, q: CollectionQuery) {
  const { rows, total } = await campaignPage<PetitionRow>(petitionSelect, q);
  return collection(`${base}/petitions`, 'petitions', rows.map((r) => petition(base, appUrl, r)), total, q);
}

export async function getPetition(base: string, appUrl: string, id: string) {
  const [row] = await queryRows<PetitionRow>(getDb(), sql`${petitionSelect(sql`c.id = ${id}::uuid`)}`);
  if (!row) throw new AppError('NOT_FOUND', 'No such petition.');
  return petition(base, appUrl, row);
}

type SignatureRow = { id: string; supporter_id: string; campaign_id: string; comment: string | null; created_at: string; modified: string };

export function signatureResource(base: string, r: SignatureRow) {
  return {
    ...resourceHead(r.id, r.created_at, r.modified),
    comments: r.comment ?? undefined,
    _links: {
      self: { href: `${base}/petitions/${r.campaign_id}/signatures/${r.id}` },
      'osdi:petition': { href: `${base}/petitions/${r.campaign_id}` },
      'osdi:person': { href: `${base}/people/${r.supporter_id}` },
    },
  };
}

export const signatureSelect = (where: SQL) =>
  sql`select s.id, s.supporter_id, s.campaign_id, s.comment, s.created_at::text,
             greatest(s.created_at, coalesce(s.verified_at, s.created_at))::text as modified
      from signatures s where ${where}`;

export async function listSignatures(caller: ApiCaller, base: string, petitionId: string, q: CollectionQuery) {
  const [exists] = await queryRows<{ id: string }>(getDb(), sql`select id from campaigns where id = ${petitionId}::uuid and status in ('live', 'closed')`);
  if (!exists) throw new AppError('NOT_FOUND', 'No such petition.');
  const parts = [sql`s.campaign_id = ${petitionId}::uuid`];
  if (caller.organisationKind === 'partner') parts.push(visiblePerson(caller, sql`s.supporter_id`));
  if (q.modifiedSince) parts.push(sql`greatest(s.created_at, coalesce(s.verified_at, s.created_at)) > ${q.modifiedSince}::timestamptz`);
  const where = sql.join(parts, sql` and `);
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    queryRows<SignatureRow>(db, sql`${signatureSelect(where)} order by s.created_at, s.id limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from signatures s where ${where}`),
  ]);
  return collection(`${base}/petitions/${petitionId}/signatures`, 'signatures', rows.map((r) => signatureResource(base, r)), Number(total), q);
}

/** One signature, under the same scope as the petition's list; anything else is a 404. */
export async function getSignature(caller: ApiCaller, base: string, petitionId: string, signatureId: string) {
  const parts = [sql`s.id = ${signatureId}::uuid`, sql`s.campaign_id = ${petitionId}::uuid`, sql`exists (select 1 from campaigns c where c.id = s.campaign_id and c.status in ('live', 'closed'))`];
  if (caller.organisationKind === 'partner') parts.push(visiblePerson(caller, sql`s.supporter_id`));
  const [row] = await queryRows<SignatureRow>(getDb(), signatureSelect(sql.join(parts, sql` and `)));
  if (!row) throw new AppError('NOT_FOUND', 'No such signature.');
  return signatureResource(base, row);
}

type PersonRow = { id: string; email: string; first_name: string; last_name: string; zip: string | null; state: string | null; city: string | null; created_at: string; updated_at: string };

function person(base: string, r: PersonRow) {
  return {
    ...resourceHead(r.id, r.created_at, r.updated_at),
    given_name: r.first_name,
    family_name: r.last_name,
    email_addresses: [{ address: r.email, primary: true, status: 'subscribed' }],
    postal_addresses: [{ primary: true, postal_code: r.zip ?? undefined, locality: r.city ?? undefined, region: r.state ?? undefined, country: 'US' }],
    _links: { self: { href: `${base}/people/${r.id}` } },
  };
}

const personWhere = (caller: ApiCaller) => sql`sp.forgotten_at is null and ${visiblePerson(caller, sql`sp.id`)}`;
const personSelect = sql`select sp.id, sp.email, sp.first_name, sp.last_name, sp.zip, sp.state, sp.city, sp.created_at::text, sp.updated_at::text from supporters sp`;

export async function listPeople(caller: ApiCaller, base: string, q: CollectionQuery) {
  const parts = [personWhere(caller)];
  if (q.modifiedSince) parts.push(sql`sp.updated_at > ${q.modifiedSince}::timestamptz`);
  const where = sql.join(parts, sql` and `);
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    queryRows<PersonRow>(db, sql`${personSelect} where ${where} order by sp.created_at, sp.id limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from supporters sp where ${where}`),
  ]);
  return collection(`${base}/people`, 'people', rows.map((r) => person(base, r)), Number(total), q);
}

/** One person, only if they opted in to the key's organisation; anyone else is a 404 (never a 403: no hint). */
export async function getOsdiPerson(caller: ApiCaller, base: string, id: string) {
  const [row] = await queryRows<PersonRow>(getDb(), sql`${personSelect} where sp.id = ${id}::uuid and ${personWhere(caller)}`);
  if (!row) throw new AppError('NOT_FOUND', 'No such person.');
  return person(base, row);
}
