import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from '../registry/schema';

// Figures the ministry computed from its national data and sent down to every installation (issue #15): a
// province holds only its own rows, so national and regional figures reach it as counts, never as rows.

export const publishedReports = sqliteTable(
  'published_reports',
  {
    id: text('id').primaryKey(),
    ...synced,
    title: text('title').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    scopeLabel: text('scope_label').notNull(),
    /** The computed report (shared/contract/reports.ts `reportSchema`) as JSON: figures with their definitions. */
    report: text('report').notNull(),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [index('published_reports_published_at').on(t.publishedAt)],
);
