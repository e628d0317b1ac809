import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { callOutcome, callResponse, callReviewStatus } from './enums';
import { senators } from './senators';

// "How did it go?" after a supporter calls a senator's office. Anonymous (no personal data): what
// happened and what the office said, queued for staff review; a reviewer may turn one into a stance.
export const callReports = pgTable(
  'call_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    senatorId: text('senator_id')
      .notNull()
      .references(() => senators.bioguideId),
    outcome: callOutcome('outcome').notNull(),
    response: callResponse('response').notNull(),
    source: text('source'),
    status: callReviewStatus('status').notNull().default('pending'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_reports_senator_idx').on(t.senatorId, t.campaignId), index('call_reports_status_idx').on(t.status, t.createdAt)],
);

export type CallReport = typeof callReports.$inferSelect;
