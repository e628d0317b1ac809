import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { senatorStance } from './enums';
import { treaties } from './treaties';

export type StateOffice = {
  city: string | null;
  address: string | null;
  suite: string | null;
  zip: string | null;
  phone: string | null;
};
export type SocialAccounts = Partial<Record<'twitter' | 'facebook' | 'youtube' | 'instagram' | 'mastodon' | 'bluesky', string>>;

export const senators = pgTable(
  'senators',
  {
    bioguideId: text('bioguide_id').primaryKey(),
    officialName: text('official_name').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    state: text('state').notNull(),
    party: text('party').notNull(),
    senateClass: integer('senate_class'),
    stateRank: text('state_rank'),
    termEnd: date('term_end'),
    dcAddress: text('dc_address'),
    phone: text('phone'),
    website: text('website'),
    contactForm: text('contact_form'),
    stateOffices: jsonb('state_offices').$type<StateOffice[]>().notNull().default([]),
    social: jsonb('social').$type<SocialAccounts>().notNull().default({}),
    ssfrMember: boolean('ssfr_member').notNull().default(false),
    ssfrRank: integer('ssfr_rank'),
    ssfrTitle: text('ssfr_title'),
    ssfrParty: text('ssfr_party'),
    // Set by staff (e.g. the foreign-affairs staffer); never overwritten by an import.
    deliveryEmail: text('delivery_email'),
    // Also staff-set and never touched by an import: an office code for the Senate's CWC service when
    // the one derived from the roster (S + state + class) is wrong, and a switch to stop CWC for an
    // office that does not take part (participation is voluntary).
    cwcOfficeCode: text('cwc_office_code'),
    cwcEnabled: boolean('cwc_enabled').notNull().default(true),
    isCurrent: boolean('is_current').notNull().default(true),
    formerAt: timestamp('former_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('senators_state_idx').on(t.state, t.isCurrent),
    check('senators_cwc_office_code_format', sql`${t.cwcOfficeCode} ~ '^S[A-Z]{2}[0-9]{2}$'`),
  ],
);

export type ImportDiff = {
  added: string[];
  removed: string[];
  changed: { bioguideId: string; fields: string[] }[];
};

export const senatorImports = pgTable('senator_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  senatorCount: integer('senator_count').notNull(),
  diff: jsonb('diff').$type<ImportDiff>().notNull(),
});

// Where each senator stands on a treaty now: the latest row of `senator_stance_events`, kept in the
// same transaction as that row so the board reads one row per senator. `expectedAbsent` takes the
// senator out of "present" (votes needed = two-thirds of those present).
export const senatorPositions = pgTable(
  'senator_positions',
  {
    senatorId: text('senator_id')
      .notNull()
      .references(() => senators.bioguideId),
    treatyId: uuid('treaty_id')
      .notNull()
      .references(() => treaties.id, { onDelete: 'cascade' }),
    stance: senatorStance('stance').notNull().default('unknown'),
    note: text('note'),
    sourceUrl: text('source_url'),
    statedOn: date('stated_on'),
    expectedAbsent: boolean('expected_absent').notNull().default(false),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.senatorId, t.treatyId] })],
);

// Every stance change, never updated or deleted: the senator's history. Departed senators keep it.
export const senatorStanceEvents = pgTable(
  'senator_stance_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    senatorId: text('senator_id')
      .notNull()
      .references(() => senators.bioguideId),
    treatyId: uuid('treaty_id')
      .notNull()
      .references(() => treaties.id, { onDelete: 'cascade' }),
    stance: senatorStance('stance').notNull(),
    // The day the senator took this stance (per the source), not when staff typed it.
    statedOn: date('stated_on').notNull(),
    sourceUrl: text('source_url'),
    note: text('note'),
    // Set when a reviewer turned a supporter's call report into this stance (the report is its source).
    // No foreign key: call_reports imports this file (the id is checked when the row is written).
    callReportId: uuid('call_report_id'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('senator_stance_events_senator_idx').on(t.senatorId, t.treatyId, t.recordedAt)],
);

export type Senator = typeof senators.$inferSelect;
export type SenatorStanceEvent = typeof senatorStanceEvents.$inferSelect;
