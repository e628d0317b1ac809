import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationKind } from './enums';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The organisation's short code: `?ref=<slug>` on a campaign URL credits it with what follows.
    slug: text('slug').notNull().unique(),
    kind: organisationKind('kind').notNull().default('partner'),
    name: text('name').notNull(),
    tagline: text('tagline'),
    website: text('website'),
    logoUrl: text('logo_url'),
    privacyPolicyUrl: text('privacy_policy_url'),
    contactEmail: text('contact_email'),
    // The wording of this organisation's opt-in box; a consent row keeps the words as they were shown.
    optInText: text('opt_in_text'),
    // Where letters go when a campaign routes everything through the coalition.
    deliveryInboxEmail: text('delivery_inbox_email'),
    // The host's only: the sites that may frame /embed/* (`*` or space-separated origins, normalised by
    // lib/embeds/frame-ancestors.ts). Null: EMBED_FRAME_ANCESTORS, else `*`.
    embedFrameAncestors: text('embed_frame_ancestors'),
    // A retired partner keeps its rows (consents, referrals) but is no longer shown or offered.
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One host per deployment.
  (t) => [uniqueIndex('organisations_one_host_uq').on(t.kind).where(sql`kind = 'host'`)],
);

export type Organisation = typeof organisations.$inferSelect;
