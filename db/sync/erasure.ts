import type { OpenDatabase } from '../open';

// Erasure of removed people's personal values (issue #15; KVKK Art. 7). A board member removed from an
// association's board keeps their name in its history, but their TC Kimlik No and contact details go: from
// the row, and from every change in the log that carried them, at every installation that holds the row.
// The removal travels as the owner's own changes (the tombstone and the emptied values); each installation
// then rewrites the earlier changes' values to null once nothing of them is still to be sent up: a change in
// a signed segment its parent has not yet received must reach it as signed, so it waits for the parent's
// receipt (down files carry no origin signatures, so nothing waits for a child).

/** Per table, the columns a removed row keeps no value of. Triggers of migration 0011 note such rows. */
export const ERASED_ON_REMOVAL: Readonly<Record<string, readonly string[]>> = {
  association_people: ['tc_kimlik_no', 'phone', 'email'],
};

/** Columns derived from an erased column (e.g. the keyed hash of a TC number), emptied with it. */
const DERIVED: Readonly<Record<string, readonly string[]>> = {
  association_people: ['tc_hash'],
};

export interface ErasureResult {
  /** Rows whose values were erased completely in this pass. */
  rows: number;
  /** Values rewritten in the change log. */
  changes: number;
  /** Rows still waiting for their parent's receipt of a change. */
  waiting: number;
}

/**
 * Erases what can be erased of every noted row (inside the caller's transaction). `mayErase(origin, seq)`:
 * whether nothing still has to send that change up with its signature.
 */
export function eraseRemoved(db: OpenDatabase, mayErase: (origin: string, seq: number) => boolean): ErasureResult {
  const result: ErasureResult = { rows: 0, changes: 0, waiting: 0 };
  const noted = db.stmt('SELECT table_name AS "table", row_id AS row FROM sync_erasures').all() as { table: string; row: string }[];
  for (const { table, row } of noted) {
    const columns = ERASED_ON_REMOVAL[table];
    const current = columns && (db.stmt(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(row) as { deleted_at: string | null } | undefined);
    // Gone (purged from this scope) or back (a removal undone): nothing to erase.
    if (!columns || !current || current.deleted_at === null) {
      db.stmt('DELETE FROM sync_erasures WHERE table_name = ? AND row_id = ?').run(table, row);
      continue;
    }
    const list = columns.map((c) => `'${c}'`).join(', ');
    db.stmt(`UPDATE ${table} SET ${[...columns, ...(DERIVED[table] ?? [])].map((c) => `${c} = NULL`).join(', ')} WHERE id = ?`).run(row);
    db.stmt(`UPDATE sync_conflicts SET local_value = 'null', remote_value = 'null' WHERE table_name = ? AND row_id = ? AND column_name IN (${list})`).run(table, row);
    const carrying = db
      .stmt(
        `SELECT c.id, c.origin_node AS origin, c.seq FROM change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
         WHERE r.table_name = ? AND r.row_id = ? AND c.column_name IN (${list}) AND c.value <> 'null'`,
      )
      .all(table, row) as { id: number; origin: string; seq: number }[];
    let left = 0;
    for (const c of carrying) {
      if (mayErase(c.origin, c.seq)) {
        db.stmt("UPDATE change_log SET value = 'null' WHERE id = ?").run(c.id);
        result.changes++;
      } else left++;
    }
    if (left > 0) {
      result.waiting++;
      continue;
    }
    db.stmt('DELETE FROM sync_erasures WHERE table_name = ? AND row_id = ?').run(table, row);
    result.rows++;
  }
  return result;
}
