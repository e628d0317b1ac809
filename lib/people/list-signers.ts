import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, signatures, supporters } from '@/db/schema';
import { validationError } from '@/lib/errors';
import { buildSignerOrderBy, buildSignerWhere, SignerFilters, type SignerFiltersInput } from './signer-filters';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type SignerRow = {
  signatureId: string;
  supporterId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  forgotten: boolean;
  campaignTitle: string;
  state: string | null;
  source: string | null;
  /** Opted in and not unsubscribed since. */
  optedIn: boolean;
  verified: boolean;
  comment: string | null;
  commentStatus: 'none' | 'pending' | 'approved' | 'hidden';
  signedAt: Date;
};

export type SignerPage = {
  rows: SignerRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  filters: SignerFilters;
};

/** One page of signers (one row per signature) for `people:view` staff. */
export async function listSigners({ actor, input }: { actor: StaffActor; input: SignerFiltersInput }): Promise<SignerPage> {
  assertCan(actor, 'people:view');
  const parsed = SignerFilters.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const filters = parsed.data;
  const where = buildSignerWhere(filters);
  const db = getDb();

  const [{ total }] = await db
    .select({ total: count() })
    .from(signatures)
    .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
    .where(where);

  const pageCount = Math.max(1, Math.ceil(total / filters.pageSize));
  const rows = await db
    .select({
      signatureId: signatures.id,
      supporterId: supporters.id,
      // The signature's own record, as typed when signing.
      firstName: signatures.firstName,
      lastName: signatures.lastName,
      email: supporters.email,
      forgottenAt: supporters.forgottenAt,
      campaignTitle: campaigns.title,
      state: signatures.state,
      source: signatures.source,
      optedIn: signatures.optedIn,
      unsubscribedAt: supporters.unsubscribedAt,
      verifiedAt: signatures.verifiedAt,
      comment: signatures.comment,
      commentStatus: signatures.commentStatus,
      signedAt: signatures.createdAt,
    })
    .from(signatures)
    .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
    .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
    .where(where)
    .orderBy(...buildSignerOrderBy(filters))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);

  return {
    rows: rows.map(({ forgottenAt, verifiedAt, unsubscribedAt, optedIn, ...r }) => ({
      ...r,
      forgotten: !!forgottenAt,
      verified: !!verifiedAt,
      optedIn: optedIn && !unsubscribedAt,
    })),
    total: Number(total),
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount,
    filters,
  };
}
