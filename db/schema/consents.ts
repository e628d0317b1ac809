import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { consentMethod } from './enums';
import { organisations } from './organisations';
import { supporters } from './supporters';

// One row per opt-in a supporter gave one organisation on one campaign: the proof a partner needs
// (who, to whom, the exact words shown, when, how and from where). Withdrawing (unsubscribe from
// that organisation, or from all) stamps withdrawn_at; the row itself stays as the record.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    // The action that carried the consent (a signature id, or a letter batch id).
    signatureId: uuid('signature_id'),
    letterBatchId: uuid('letter_batch_id'),
    wording: text('wording').notNull(),
    method: consentMethod('method').notNull().default('form'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    // A repeat submission changes nothing: the first consent per organisation and campaign stands.
    uniqueIndex('consents_supporter_org_campaign_uq').on(t.supporterId, t.organisationId, t.campaignId),
    index('consents_org_created_idx').on(t.organisationId, t.createdAt),
  ],
);

export type Consent = typeof consents.$inferSelect;
