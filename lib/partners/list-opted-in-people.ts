import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import type { StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { activeConsentWhere } from './opted-in-query';
import { OrganisationPeopleInput } from './schemas';
import { resolveOrganisationScope, type OrganisationScope } from './scope';

export const OPTED_IN_PAGE_SIZE = 50;

export type OptedInPerson = {
  consentId: string;
  email: string;
  name: string;
  state: string | null;
  campaignTitle: string;
  wording: string;
  consentedAt: string;
  method: string;
  source: string | null;
};

export type OptedInPage = { organisation: OrganisationScope; people: OptedInPerson[]; total: number; page: number; pageSize: number };

/**
 * The people who opted in to one organisation (a partner: its own, whatever it asks for), newest
 * first, with the words they agreed to and when. Only standing, confirmed consents (opted-in-query.ts).
 */
export async function listOptedInPeople({ actor, input }: { actor: StaffActor; input: OrganisationPeopleInput }): Promise<OptedInPage> {
  const parsed = OrganisationPeopleInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const organisation = await resolveOrganisationScope(actor, 'consents:view', parsed.data.organisationId);
  const { page } = parsed.data;
  const db = getDb();
  const where = activeConsentWhere(organisation.id);
  const [rows, [{ total }]] = await Promise.all([
    queryRows<{ id: string; email: string; first_name: string; last_name: string; state: string | null; title: string; wording: string; created_at: string; method: string; source: string | null }>(
      db,
      sql`select c.id, p.email, p.first_name, p.last_name, p.state, cp.title, c.wording, c.created_at::text as created_at, c.method::text as method, c.source
          from consents c join supporters p on p.id = c.supporter_id join campaigns cp on cp.id = c.campaign_id
          where ${where} order by c.created_at desc, c.id desc
          limit ${OPTED_IN_PAGE_SIZE} offset ${(page - 1) * OPTED_IN_PAGE_SIZE}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from consents c join supporters p on p.id = c.supporter_id where ${where}`,
    ),
  ]);
  return {
    organisation,
    page,
    pageSize: OPTED_IN_PAGE_SIZE,
    total: Number(total),
    people: rows.map((r) => ({
      consentId: r.id,
      email: r.email,
      name: `${r.first_name} ${r.last_name}`.trim(),
      state: r.state,
      campaignTitle: r.title,
      wording: r.wording,
      consentedAt: new Date(r.created_at).toISOString(),
      method: r.method,
      source: r.source,
    })),
  };
}
