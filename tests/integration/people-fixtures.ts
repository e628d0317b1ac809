import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, emailOutbox, letters, senators, signatures, supporters, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { importSenators } from '@/lib/senators/import-senators';
import { ROSTER_DIR } from '../support/roster';

// Shared by the people-, ledger- and audit- integration tests: rows are inserted directly. Staff
// come from the one staff factory, makeStaff in ./staff-fixtures.

export async function seedWorld() {
  const db = getDb();
  const seed = await seedDatabase(db, { adminEmail: 'owner@fixtures.test' });
  await importSenators({ source: ROSTER_DIR, db });
  const [owner] = await db.select().from(users).where(eq(users.email, 'owner@fixtures.test'));
  return { db, campaignId: seed.campaignId, treatyId: seed.treatyId, organisationId: seed.organisationId, ownerId: owner.id };
}

export async function secondCampaign(base: { organisationId: string; treatyId: string }, slug = 'second-campaign') {
  const [c] = await getDb()
    .insert(campaigns)
    .values({ organisationId: base.organisationId, treatyId: base.treatyId, slug, title: 'Second campaign', status: 'live' })
    .returning();
  return c.id;
}

type SignerSpec = {
  firstName: string;
  lastName: string;
  email: string;
  state?: string;
  city?: string;
  zip?: string;
  campaignId: string;
  source?: string | null;
  optedIn?: boolean;
  verified?: boolean;
  comment?: string | null;
  commentStatus?: 'none' | 'pending' | 'approved' | 'hidden';
  signedAt?: Date;
};

export async function signer(spec: SignerSpec) {
  const db = getDb();
  const [p] = await db
    .insert(supporters)
    .values({
      email: spec.email.toLowerCase(),
      firstName: spec.firstName,
      lastName: spec.lastName,
      state: spec.state ?? 'CA',
      city: spec.city ?? 'Oakland',
      zip: spec.zip ?? '94612',
      street: '1 Main St',
    })
    .onConflictDoUpdate({ target: supporters.email, set: { firstName: spec.firstName } })
    .returning();
  const [s] = await db
    .insert(signatures)
    .values({
      campaignId: spec.campaignId,
      supporterId: p.id,
      firstName: spec.firstName,
      lastName: spec.lastName,
      zip: spec.zip ?? '94612',
      city: spec.city ?? 'Oakland',
      state: spec.state ?? 'CA',
      source: spec.source ?? null,
      optedIn: spec.optedIn ?? false,
      verifiedAt: spec.verified === false ? null : (spec.signedAt ?? new Date()),
      comment: spec.comment ?? null,
      commentStatus: spec.commentStatus ?? (spec.comment ? 'pending' : 'none'),
      createdAt: spec.signedAt ?? new Date(),
    })
    .returning();
  return { supporterId: p.id, signatureId: s.id };
}

export async function senatorsOf(state: string) {
  return getDb().select().from(senators).where(eq(senators.state, state)).orderBy(asc(senators.bioguideId));
}

export async function letter(spec: {
  campaignId: string;
  supporterId: string;
  senatorId: string;
  status?: 'pending_confirmation' | 'queued' | 'sent' | 'self_send' | 'failed';
  channel?: 'office_email' | 'coalition_inbox' | 'supporter';
  failureReason?: string | null;
  withOutbox?: { to: string; status: 'queued' | 'sending' | 'sent' | 'failed'; lastError?: string };
  body?: string;
  createdAt?: Date;
}) {
  const db = getDb();
  const [l] = await db
    .insert(letters)
    .values({
      campaignId: spec.campaignId,
      supporterId: spec.supporterId,
      senatorId: spec.senatorId,
      subject: 'Please ratify, from Oakland',
      body: spec.body ?? 'Dear Senator, I care about this.',
      status: spec.status ?? 'sent',
      channel: spec.channel ?? 'office_email',
      failureReason: spec.failureReason ?? null,
      createdAt: spec.createdAt ?? new Date(),
    })
    .returning();
  if (!spec.withOutbox) return { letterId: l.id, outboxId: null as string | null };
  const [o] = await db
    .insert(emailOutbox)
    .values({
      template: 'letter-to-senator',
      toAddress: spec.withOutbox.to,
      props: { letterId: l.id, supporterName: 'Someone', body: l.body },
      idempotencyKey: `letter:${l.id}`,
      status: spec.withOutbox.status,
      attempts: spec.withOutbox.status === 'failed' ? 8 : 1,
      lastError: spec.withOutbox.lastError ?? null,
      renderedHtml: spec.withOutbox.status === 'sent' ? `<p>${l.body}</p>` : null,
    })
    .returning();
  await db.update(letters).set({ outboxId: o.id }).where(eq(letters.id, l.id));
  return { letterId: l.id, outboxId: o.id };
}

export async function outboxTo(to: string, template: string, status: 'queued' | 'sending' | 'sent' | 'failed', extra: Partial<typeof emailOutbox.$inferInsert> = {}) {
  const [o] = await getDb()
    .insert(emailOutbox)
    .values({
      template,
      toAddress: to,
      props: { firstName: 'x' },
      idempotencyKey: `${template}:${crypto.randomUUID()}`,
      status,
      renderedSubject: status === 'sent' ? 'Thanks' : null,
      renderedHtml: status === 'sent' ? '<p>Hi</p>' : null,
      renderedText: status === 'sent' ? 'Hi' : null,
      sentAt: status === 'sent' ? new Date() : null,
      ...extra,
    })
    .returning();
  return o.id;
}
