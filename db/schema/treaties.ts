import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { treatyStage } from './enums';

export const treaties = pgTable('treaties', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  summary: text('summary'),
  adoptedOn: date('adopted_on'),
  usSignedOn: date('us_signed_on'),
  stage: treatyStage('stage').notNull(),
  signatoriesCount: integer('signatories_count'),
  statesPartiesCount: integer('states_parties_count'),
  // The date the counts above were true, so a page never presents old counts as current.
  countsAsOf: date('counts_as_of'),
  countsSource: text('counts_source'),
  // Countries named as parties by the source of the counts (a sample, not necessarily all).
  partiesListed: text('parties_listed').array().notNull().default([]),
  senateTreatyDoc: text('senate_treaty_doc'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const treatyStageEvents = pgTable(
  'treaty_stage_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    treatyId: uuid('treaty_id')
      .notNull()
      .references(() => treaties.id, { onDelete: 'cascade' }),
    stage: treatyStage('stage').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    sourceTitle: text('source_title'),
    sourceUrl: text('source_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('treaty_stage_events_treaty_idx').on(t.treatyId, t.occurredOn)],
);

// The treaty's states parties and signatories, one row per country: public counts are derived from
// this list (as of its latest date) when it has rows. Replaced as a whole by a CSV import.
export const treatyParties = pgTable(
  'treaty_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    treatyId: uuid('treaty_id')
      .notNull()
      .references(() => treaties.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    signedOn: date('signed_on'),
    // Ratification, or accession for a state that joined without signing first (`accession`).
    joinedOn: date('joined_on'),
    accession: boolean('accession').notNull().default(false),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('treaty_parties_treaty_country_uq').on(t.treatyId, t.country)],
);

export type Treaty = typeof treaties.$inferSelect;
export type TreatyParty = typeof treatyParties.$inferSelect;
export type TreatyStageEvent = typeof treatyStageEvents.$inferSelect;
