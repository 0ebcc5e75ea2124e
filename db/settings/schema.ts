import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Preferences of this machine (language…). Local: never synced. */
export const localSettings = sqliteTable('local_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
