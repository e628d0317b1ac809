import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaignStatus, cwcProOrCon, deliveryMode, senatorStance, signerVisibility } from './enums';
import { organisations } from './organisations';

export type LetterVariantGroup = 'thank' | 'urge' | 'persuade';
export type LetterVariants = Partial<Record<LetterVariantGroup, { subject: string; body: string }>>;
import { treaties } from './treaties';

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    treatyId: uuid('treaty_id')
      .notNull()
      .references(() => treaties.id),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    storyMd: text('story_md').notNull().default(''),
    status: campaignStatus('status').notNull().default('draft'),
    petitionGoal: integer('petition_goal').notNull().default(1000),
    // When the goal is reached the public goal steps up, so the bar never sits at 100 %.
    goalAutoStep: boolean('goal_auto_step').notNull().default(true),
    signerVisibility: signerVisibility('signer_visibility').notNull().default('hidden'),
    commentModeration: boolean('comment_moderation').notNull().default(true),
    letterSubjectTemplate: text('letter_subject_template').notNull().default(''),
    letterBodyTemplate: text('letter_body_template').notNull().default(''),
    // Letters by the senator's stance: thank (supports/champion), urge (leaning yes/undecided/unknown),
    // persuade (leaning no/opposes). A missing or empty variant falls back to the templates above.
    letterVariants: jsonb('letter_variants').$type<LetterVariants>().notNull().default({}),
    // A call script per stance group; an empty one falls back to the default script (lib/calls).
    callScripts: jsonb('call_scripts').$type<Partial<Record<LetterVariantGroup, string>>>().notNull().default({}),
    requirePersonalSentence: boolean('require_personal_sentence').notNull().default(false),
    deliveryMode: deliveryMode('delivery_mode').notNull().default('office'),
    // How the Senate's CWC service files this campaign's letters: a Library of Congress policy area
    // (lib/letters/cwc/schemas.ts lists them) and whether the letters support or oppose.
    cwcTopic: text('cwc_topic').notNull().default('International Affairs'),
    cwcProOrCon: cwcProOrCon('cwc_pro_or_con').notNull().default('pro'),
    // A visitor who arrives by a partner's `?ref=` link sees only that partner's opt-in box (and the host's).
    refOnlyPartnerBox: boolean('ref_only_partner_box').notNull().default(false),
    resultNote: text('result_note'),
    // The public "where the Senate stands" page (/c/[slug]/senate) is opt-in, and shows only these
    // stances; any other stance (e.g. staff's "leaning" reads) shows as "no public position".
    senatePagePublic: boolean('senate_page_public').notNull().default(false),
    publicStances: senatorStance('public_stances')
      .array()
      .notNull()
      .default(sql`'{champion,supports,undecided,opposes}'::senator_stance[]`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_status_idx').on(t.status, t.createdAt)],
);

// Old slugs keep working after a rename.
export const campaignSlugRedirects = pgTable('campaign_slug_redirects', {
  slug: text('slug').primaryKey(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// The partners co-sponsoring a campaign, in the order staff chose (shown on the campaign page and
// offered as opt-in boxes). A partner can co-sponsor any number of campaigns.
export const campaignSponsors = pgTable(
  'campaign_sponsors',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] }), index('campaign_sponsors_org_idx').on(t.organisationId)],
);

export type Campaign = typeof campaigns.$inferSelect;
