import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { organisations } from './organisations';
import { commentStatus, signerVisibility } from './enums';

export const supporters = pgTable(
  'supporters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Normalised (trimmed, lower-case) before it reaches the database; null once forgotten.
    email: text('email'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    // The title the Senate's CWC service requires (one of its five); asked only when that channel is on.
    namePrefix: text('name_prefix'),
    zip: text('zip'),
    city: text('city'),
    street: text('street'),
    state: text('state'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    // Unsubscribing revokes every "confirmed writer" cookie issued before this moment.
    writerTrustRevokedAt: timestamp('writer_trust_revoked_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    forgottenAt: timestamp('forgotten_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supporters_email_uq').on(t.email),
    index('supporters_name_idx').on(t.lastName, t.firstName),
    check('supporters_name_prefix_known', sql`${t.namePrefix} in ('Mr.', 'Mrs.', 'Ms.', 'Miss', 'Dr.')`),
  ],
);

export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id),
    // The signature's own record: what the signer typed, as it was when they signed. The public page,
    // the packets and the exports show this, so a later submission with the same address (by anyone)
    // never changes what is shown for this signature. The state also keeps per-state counts stable.
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    zip: text('zip'),
    city: text('city'),
    state: text('state'),
    // What the campaign said it would show of signers when this person signed; the page shows the
    // stricter of this and the campaign's current setting.
    visibility: signerVisibility('visibility').notNull().default('hidden'),
    comment: text('comment'),
    commentStatus: commentStatus('comment_status').notNull().default('none'),
    optedIn: boolean('opted_in').notNull().default(false),
    // The partner whose `?ref=` link brought this action (credited in its dashboard), beside the free-form source.
    refOrganisationId: uuid('ref_organisation_id').references(() => organisations.id),
    source: text('source'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signatures_campaign_supporter_uq').on(t.campaignId, t.supporterId),
    index('signatures_campaign_created_idx').on(t.campaignId, t.createdAt),
    index('signatures_campaign_state_idx').on(t.campaignId, t.state),
    index('signatures_supporter_idx').on(t.supporterId),
  ],
);

export type Supporter = typeof supporters.$inferSelect;
export type Signature = typeof signatures.$inferSelect;
