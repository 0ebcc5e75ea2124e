import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only log of every changed field of every synced row, written in the same transaction as the row.
 * It is both the audit trail and what the file exchange will ship: (origin_node, seq) identifies a change
 * across installations; `hlc` orders concurrent edits of the same field (last writer wins).
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    column: text('column_name').notNull(),
    /** JSON-encoded new value (`null` for SQL NULL). */
    value: text('value').notNull(),
    hlc: text('hlc').notNull(),
    originNode: text('origin_node').notNull(),
    seq: integer('seq').notNull(),
    /**
     * The HLC of the value this change overwrote, as its author saw it (null for a new field). Two changes
     * to one field where neither was written on top of the other are concurrent: a conflict for a person.
     */
    baseHlc: text('base_hlc'),
    /** A received change refused by the ownership rules: kept (so vectors stay contiguous), never applied. */
    rejected: integer('rejected', { mode: 'boolean' }).notNull().default(false),
    /** The user of this installation who made a local change (db/users); null for a change received in a file. */
    actor: integer('actor'),
  },
  (t) => [uniqueIndex('change_log_origin_seq').on(t.originNode, t.seq)],
);

/**
 * Where each row's changes are in change_log: one entry per run of consecutive ids that all belong to one
 * row (a local write logs its fields together; a file brings a row's fields together), extended when the
 * next run of the same row follows at once. It replaces an index of change_log by row, which held one entry
 * per change: a run holds ~12 of them in an exchange file, and the index was a quarter of what an import of
 * a million changes wrote (64 of 246 MB). The migration makes it a WITHOUT ROWID table (one B-tree).
 */
export const changeLogRuns = sqliteTable(
  'change_log_runs',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    firstId: integer('first_id').notNull(),
    lastId: integer('last_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.firstId] })],
);

/** This node's hybrid logical clock and change sequence; a single row, never synced. */
export const syncClock = sqliteTable('sync_clock', {
  id: integer('id').primaryKey(),
  lastHlc: text('last_hlc').notNull(),
  lastSeq: integer('last_seq').notNull(),
});
