import type { OpenDatabase } from '../open';

// What an installation restored from a copy takes back out of its own log before it goes on as a new
// incarnation (electron/sync/incarnation.ts).

/**
 * Removes this installation's changes under `origin` numbered after `after`, with their runs and its
 * segments over them, and returns
 * the fields they set, per row, to be written again under the new incarnation. The numbering restarts at 1
 * for the new incarnation, so the clock's sequence goes back to 0.
 */
export function takeOutOwnChanges(db: OpenDatabase, origin: string, after: number): { table: string; row: string; columns: string[] }[] {
  const rows = db
    .stmt(`SELECT table_name AS "table", row_id AS row, group_concat(DISTINCT column_name) AS columns FROM change_log WHERE origin_node = ? AND seq > ? GROUP BY table_name, row_id`)
    .all(origin, after) as { table: string; row: string; columns: string }[];
  // Its own segments over those numbers go too: they sign changes that are no longer anybody's.
  db.stmt('DELETE FROM sync_segments WHERE origin_node = ? AND last_seq > ?').run(origin, after);
  if (rows.length > 0) removeChanges(db, origin, after);
  return rows.map((r) => ({ table: r.table, row: r.row, columns: r.columns.split(',') }));
}

/**
 * Removes the changes of `origin` numbered after `after` (among those with an id from `fromId` on), and
 * records the runs of their rows again from what is left (a removed change splits its row's run). Returns how
 * many were removed.
 */
export function removeChanges(db: OpenDatabase, origin: string, after: number, fromId = 0): number {
  db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_rerun; CREATE TEMP TABLE sync_rerun (table_name TEXT, row_id TEXT, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
  db.stmt('INSERT OR IGNORE INTO temp.sync_rerun SELECT table_name, row_id FROM change_log WHERE id >= ? AND origin_node = ? AND seq > ?').run(fromId, origin, after);
  const removed = db.stmt('DELETE FROM change_log WHERE id >= ? AND origin_node = ? AND seq > ?').run(fromId, origin, after).changes;
  rebuildRuns(db);
  return removed;
}

/**
 * Records the runs of the rows listed in temp.sync_rerun again from what is left of their changes, then drops
 * that list. The remaining changes are found through the old runs (the log has no index by row).
 */
function rebuildRuns(db: OpenDatabase): void {
  db.sqlite.exec(`
    CREATE TEMP TABLE sync_reruns AS
    SELECT table_name, row_id, min(id) AS first_id, max(id) AS last_id FROM (
      SELECT c.id, c.table_name, c.row_id, c.id - row_number() OVER (PARTITION BY c.table_name, c.row_id ORDER BY c.id) AS run
      FROM temp.sync_rerun x JOIN change_log_runs r ON r.table_name = x.table_name AND r.row_id = x.row_id
      JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id AND c.table_name = r.table_name AND c.row_id = r.row_id
    ) GROUP BY table_name, row_id, run;
    DELETE FROM change_log_runs WHERE (table_name, row_id) IN (SELECT table_name, row_id FROM temp.sync_rerun);
    INSERT INTO change_log_runs (table_name, row_id, first_id, last_id) SELECT table_name, row_id, first_id, last_id FROM temp.sync_reruns;
    DROP TABLE temp.sync_reruns;
    DROP TABLE temp.sync_rerun;`);
}
